import { VERIFICATION_CHANNELS } from '../../../domain/certificates.ts';
import type { Certificate } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormShell } from '../ui/form/FormShell.tsx';
import { SelectField, TextField } from '../ui/form/inputs.tsx';
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
  const [channel, setChannel] = useState<string>('phone');
  const [counterpart, setCounterpart] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const form = useFormSubmit(
    async () => {
      const body = { channel, counterpart: counterpart.trim(), fingerprint: fingerprint.trim() };
      onDone(await api.post<Certificate>(`/certificates/${certificate.id}/verify`, body));
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
          name="channel"
          label={t('certificates.channel')}
          required
          value={channel}
          onChange={setChannel}
          options={VERIFICATION_CHANNELS.map((ch) => ({ value: ch, label: t(`verificationChannel.${ch}`) }))}
        />
        <TextField
          name="counterpart"
          label={t('certificates.counterpart')}
          required
          value={counterpart}
          onChange={setCounterpart}
        />
      </div>
      <TextField
        name="fingerprint"
        label={t('certificates.fingerprintRead')}
        hint={t('certificates.fingerprintHint')}
        required
        mono
        value={fingerprint}
        onChange={setFingerprint}
      />
    </FormShell>
  );
}
