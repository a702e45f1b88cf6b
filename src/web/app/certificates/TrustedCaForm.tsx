import type { TrustedCa } from '../../../contract/security.ts';
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError, useFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';

/** ISM-7: a party administrator puts a CA certificate (PEM) on the list; their party trusts it from then on. */
export function TrustedCaForm({ onAdded }: { onAdded(ca: TrustedCa): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [pem, setPem] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);
  const fieldError = useFieldError(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const ca = await api.post<TrustedCa>('/trusted-cas', { name: name.trim(), pem: pem.trim() });
      setName('');
      setPem('');
      setAdded(ca.name);
      onAdded(ca);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form block" aria-labelledby="add-ca-title" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="add-ca-title">{t('certificates.addCa')}</h3>
      <FormError error={error} fields={['name', 'pem']} />
      {added && (
        <p className="alert alert--success" role="status">
          {t('certificates.caAdded', { name: added })}
        </p>
      )}
      <Field label={t('certificates.caName')} required error={fieldError('name')}>
        {(c) => (
          <input {...c} name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field label={t('certificates.caPem')} required error={fieldError('pem')} hint={t('certificates.caPemHint')}>
        {(c) => (
          <textarea
            {...c}
            name="pem"
            className="mono"
            rows={6}
            required
            spellCheck={false}
            value={pem}
            onChange={(e) => setPem(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('common.saving') : t('certificates.addCaSubmit')}
        </button>
      </div>
    </form>
  );
}
