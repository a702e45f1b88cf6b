import { VERIFICATION_CHANNELS } from '../../../domain/certificates.ts';
import type { Certificate } from '../../../contract/security.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormShell } from '../ui/form/FormShell.tsx';
import { SelectField, TextField } from '../ui/form/inputs.tsx';
import { useTextFields } from '../ui/form/useTextFields.ts';
import { useFormSubmit } from '../ui/useFormSubmit.ts';

/** ISM-7: records the out-of-band fingerprint check by a second person; the certificate becomes usable. */
export function VerifyCertificateForm({
  certificate,
  onDone,
  onCancel,
}: {
  certificate: Certificate;
  onDone(c: Certificate): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const text = useTextFields({ channel: 'phone', counterpart: '', fingerprint: '' });
  const form = useFormSubmit(
    async () => {
      onDone(await api.post<Certificate>(`/certificates/${certificate.id}/verify`, text.trimmed()));
    },
    { stayBusy: true },
  );

  return (
    <FormShell
      className="inline-form"
      ariaLabel={t('certificates.verifyOf', { name: certificate.name })}
      onSubmit={form.send}
      error={form.error}
      busy={form.busy}
      submitLabel={t('certificates.verifySubmit')}
      onCancel={onCancel}
      cancelOnEscape
    >
      <div className="form-row">
        <SelectField
          label={t('certificates.channel')}
          required
          {...text.field('channel')}
          options={VERIFICATION_CHANNELS.map((ch) => ({ value: ch, label: t(`verificationChannel.${ch}`) }))}
        />
        <TextField label={t('certificates.counterpart')} required {...text.field('counterpart')} />
      </div>
      <TextField
        label={t('certificates.fingerprintRead')}
        hint={t('certificates.fingerprintHint')}
        required
        mono
        {...text.field('fingerprint')}
      />
    </FormShell>
  );
}
