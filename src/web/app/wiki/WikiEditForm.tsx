import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { FormError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { AudienceFields } from './AudienceFields.tsx';
import type { WikiDetail } from '../../../contract/wiki.ts';

/** A new version of a page; the owning party also chooses who reads it. */
export function WikiEditForm({
  page,
  onDone,
  onCancel,
}: {
  page: WikiDetail;
  onDone(): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const owner = page.ownerParty === user.party;
  const [title, setTitle] = useState(page.title);
  const [body, setBody] = useState(page.body);
  const [note, setNote] = useState('');
  const [audience, setAudience] = useState({ parties: page.parties, sensitivity: page.sensitivity });
  const { busy, error, fieldError, submit } = useFormSubmit(async () => {
    const changed =
      owner &&
      (audience.sensitivity !== page.sensitivity ||
        audience.parties.slice().sort().join() !== page.parties.slice().sort().join());
    await api.put(`/wiki/pages/${encodeURIComponent(page.slug)}`, {
      version: page.version,
      title,
      body,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(changed ? audience : {}),
    });
    await onDone();
  });
  return (
    <form className="card block form" onSubmit={submit} noValidate aria-label={t('wiki.edit')}>
      <FormError error={error} fields={['title', 'body', 'note', 'parties', 'sensitivity']} />
      <Field label={t('wiki.pageTitle')} required error={fieldError('title')}>
        {(c) => <input {...c} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      {owner && <AudienceFields {...audience} onChange={setAudience} fieldError={fieldError} />}
      <Field label={t('wiki.body')} hint={t('wiki.bodyHint')} error={fieldError('body')}>
        {(c) => <textarea {...c} rows={16} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <Field label={t('wiki.note')} error={fieldError('note')}>
        {(c) => <input {...c} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? t('common.saving') : t('wiki.save')}
      </button>{' '}
      <button type="button" className="btn btn--ghost" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
