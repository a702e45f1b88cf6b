import { useEffect, useState } from 'react';
import type { PartyContacts as Contacts } from '../../../contract/admin.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Field } from '../ui/Field.tsx';
import { FormError } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { useGet } from '../ui/useGet.ts';

const FIELDS = [
  ['desk', 'email'],
  ['desk', 'phone'],
  ['onCall', 'name'],
  ['onCall', 'email'],
  ['onCall', 'phone'],
] as const;

/** PARTY-1: how the other party reaches this party's desk and its on-call person. */
export function ContactsSection({ party }: { party: string }) {
  const { t } = useI18n();
  const loaded = useGet<Contacts>(`/parties/${party}/contacts`);
  const [form, setForm] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!loaded.data) return;
    const d = loaded.data;
    setForm(
      Object.fromEntries(FIELDS.map(([a, b]) => [`${a}.${b}`, (d[a] as Record<string, string | null>)[b] ?? ''])),
    );
  }, [loaded.data]);
  const value = (key: string) => form[key]?.trim() || null;
  const { busy, error, fieldError, submit } = useFormSubmit(async () => {
    setSaved(false);
    await api.put(`/parties/${party}/contacts`, {
      desk: { email: value('desk.email'), phone: value('desk.phone') },
      onCall: { name: value('onCall.name'), email: value('onCall.email'), phone: value('onCall.phone') },
    });
    setSaved(true);
  });
  return (
    <form className="card block" onSubmit={(e) => void submit(e)} aria-labelledby="contacts-title" noValidate>
      <h2 id="contacts-title">{t('admin.contacts')}</h2>
      {saved && (
        <p className="alert alert--success" role="status">
          {t('admin.saved')}
        </p>
      )}
      <FormError error={error} fields={FIELDS.map(([a, b]) => `${a}.${b}`)} />
      {FIELDS.map(([a, b]) => (
        <Field key={`${a}.${b}`} label={t(`admin.contact.${a}.${b}`)} error={fieldError(`${a}.${b}`)}>
          {(c) => (
            <input
              {...c}
              name={`${a}.${b}`}
              type={b === 'email' ? 'email' : 'text'}
              value={form[`${a}.${b}`] ?? ''}
              onChange={(e) => setForm((f) => ({ ...f, [`${a}.${b}`]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {t('admin.save')}
      </button>
    </form>
  );
}
