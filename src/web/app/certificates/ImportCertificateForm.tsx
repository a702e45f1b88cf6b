import type { Certificate } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormShell } from '../ui/form/FormShell.tsx';
import { TextField } from '../ui/form/inputs.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { PemField } from './TrustedCaForm.tsx';

/** ISM-7: registers a PEM certificate of the user's party, issued by a CA every party trusts. */
export function ImportCertificateForm({ onCreated }: { onCreated(certificate: Certificate): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [usage, setUsage] = useState('');
  const [pem, setPem] = useState('');
  const form = useFormSubmit(async () => {
    const body = { name: name.trim(), usage: usage.trim(), pem: pem.trim() };
    const created = await api.post<Certificate>('/certificates', body);
    setName('');
    setUsage('');
    setPem('');
    onCreated(created);
  });

  return (
    <FormShell
      className="card form block"
      title={t('certificates.import')}
      onSubmit={form.send}
      error={form.error}
      busy={form.busy}
      submitLabel={t('certificates.importSubmit')}
    >
      <div className="form-row">
        <TextField
          name="name"
          label={t('certificates.name')}
          required
          maxLength={200}
          value={name}
          onChange={setName}
        />
        <TextField
          name="usage"
          label={t('certificates.usage')}
          required
          maxLength={120}
          value={usage}
          onChange={setUsage}
        />
      </div>
      <PemField label={t('certificates.pem')} hint={t('certificates.pemHint')} value={pem} onChange={setPem} />
    </FormShell>
  );
}
