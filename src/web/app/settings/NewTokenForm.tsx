import type { ApiToken } from '../../../contract/directory.ts';
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError, useFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { useRun } from '../ui/useFormSubmit.ts';

/** Creates an API token with a name and an optional expiry date (end of that day, local time). */
export function NewTokenForm({ onCreated }: { onCreated(token: ApiToken): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const { busy, error, run } = useRun();
  const fieldError = useFieldError(error);
  const today = new Date().toISOString().slice(0, 10);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : undefined;
      const token = await api.post<ApiToken>('/me/tokens', { name: name.trim(), ...(expiresAt ? { expiresAt } : {}) });
      setName('');
      setExpires('');
      onCreated(token);
    });
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-token-title" noValidate>
      <h3 id="new-token-title">{t('settings.tokens.new')}</h3>
      <FormError error={error} fields={['name', 'expiresAt']} />
      <Field label={t('settings.tokens.name')} required error={fieldError('name')}>
        {(c) => (
          <input {...c} name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field label={t('settings.tokens.expiry')} error={fieldError('expiresAt')} hint={t('settings.tokens.expiryHint')}>
        {(c) => (
          <input
            {...c}
            type="date"
            name="expiresAt"
            min={today}
            value={expires}
            onChange={(e) => setExpires(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {t('settings.tokens.create')}
      </button>
    </form>
  );
}
