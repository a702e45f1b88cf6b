import type { Certificate } from '../../../contract/security.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormShell } from '../ui/form/FormShell.tsx';
import { TextField } from '../ui/form/inputs.tsx';
import { useTextFields } from '../ui/form/useTextFields.ts';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { PemField } from './TrustedCaForm.tsx';

/** ISM-7: registers a PEM certificate of the user's party, issued by a CA every party trusts. */
export function ImportCertificateForm({ onCreated }: { onCreated(certificate: Certificate): void }) {
  const { t } = useI18n();
  const text = useTextFields({ name: '', usage: '', pem: '' });
  const form = useFormSubmit(async () => {
    const created = await api.post<Certificate>('/certificates', text.trimmed());
    text.reset();
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
        <TextField label={t('certificates.name')} required maxLength={200} {...text.field('name')} />
        <TextField label={t('certificates.usage')} required maxLength={120} {...text.field('usage')} />
      </div>
      <PemField label={t('certificates.pem')} hint={t('certificates.pemHint')} {...text.field('pem')} />
    </FormShell>
  );
}
