import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { SENSITIVITIES } from '../ui/constants.ts';
import { Field } from '../ui/Field.tsx';
import { FormError, useFieldError } from '../ui/errors.tsx';
import { splitKinds } from './EditWebhookForm.tsx';
import type { Subscription } from '../../../contract/webhooks.ts';
import { Options } from '../ui/form/inputs.tsx';

const FIELDS = ['url', 'clearance', 'eventKinds', 'description'] as const;

/** IF-2: subscribe an endpoint; the signing secret is shown once, here. */
export function NewWebhookForm({ onCreated }: { onCreated(): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [url, setUrl] = useState('');
  const [clearance, setClearance] = useState('LIMITED');
  const [kinds, setKinds] = useState('');
  const [description, setDescription] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fieldError = useFieldError(error);
  const allowed = SENSITIVITIES.slice(0, SENSITIVITIES.indexOf(user.clearance) + 1);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const created = await api.post<Subscription & { secret: string }>('/webhooks', {
        url: url.trim(),
        clearance,
        eventKinds: splitKinds(kinds),
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      setSecret(created.secret);
      setUrl('');
      onCreated();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="card" aria-labelledby="new-webhook-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="new-webhook-title">{t('webhooks.new')}</h2>
      <div className="form-row">
        <Field label={t('webhooks.url')} hint={t('webhooks.urlHint')} error={fieldError('url')} required>
          {(c) => <input {...c} name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Field label={t('webhooks.clearance')} error={fieldError('clearance')}>
          {(c) => (
            <select {...c} name="clearance" value={clearance} onChange={(e) => setClearance(e.target.value)}>
              <Options values={allowed} label={(s) => t(`sensitivity.${s}`)} />
            </select>
          )}
        </Field>
      </div>
      <Field label={t('webhooks.kinds')} hint={t('webhooks.kindsHint')} error={fieldError('eventKinds')}>
        {(c) => <input {...c} name="eventKinds" value={kinds} onChange={(e) => setKinds(e.target.value)} />}
      </Field>
      <Field label={t('webhooks.description')} error={fieldError('description')}>
        {(c) => (
          <input {...c} name="description" value={description} onChange={(e) => setDescription(e.target.value)} />
        )}
      </Field>
      <FormError error={error} fields={FIELDS} />
      {secret && (
        <p className="alert" role="status">
          {t('webhooks.secretOnce')} <code>{secret}</code>
        </p>
      )}
      <button type="submit" className="btn btn--primary">
        {t('webhooks.create')}
      </button>
    </form>
  );
}
