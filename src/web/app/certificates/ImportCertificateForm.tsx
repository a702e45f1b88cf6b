import type { Certificate } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { Field } from '../ui/Field.tsx';

/** ISM-7: registers a PEM certificate of the user's party, issued by a CA every party trusts. */
export function ImportCertificateForm({ onCreated }: { onCreated(certificate: Certificate): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [usage, setUsage] = useState('');
  const [pem, setPem] = useState('');
  const { busy, error, fieldError, submit } = useFormSubmit(async () => {
    const created = await api.post<Certificate>('/certificates', {
      name: name.trim(),
      usage: usage.trim(),
      pem: pem.trim(),
    });
    setName('');
    setUsage('');
    setPem('');
    onCreated(created);
  });

  return (
    <form className="card form block" aria-labelledby="import-cert-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="import-cert-title">{t('certificates.import')}</h2>
      <FormError error={error} fields={['name', 'usage', 'pem']} />
      <div className="form-row">
        <Field label={t('certificates.name')} required error={fieldError('name')}>
          {(c) => (
            <input {...c} name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label={t('certificates.usage')} required error={fieldError('usage')}>
          {(c) => (
            <input
              {...c}
              name="usage"
              required
              maxLength={120}
              value={usage}
              onChange={(e) => setUsage(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label={t('certificates.pem')} required error={fieldError('pem')} hint={t('certificates.pemHint')}>
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
          {busy ? t('common.saving') : t('certificates.importSubmit')}
        </button>
      </div>
    </form>
  );
}
