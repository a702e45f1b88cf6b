import type { Certificate, CertificateChange } from '../../../contract/security.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { localInputToIso } from '../ui/datetime.ts';
import { FormShell } from '../ui/form/FormShell.tsx';
import { TextField } from '../ui/form/inputs.tsx';
import { useTextFields } from '../ui/form/useTextFields.ts';
import { useFormSubmit } from '../ui/useFormSubmit.ts';

interface Props {
  certificate: Certificate;
  kind: 'renewal' | 'revocation';
  onDone(result: CertificateChange): void;
  onCancel(): void;
}

/** ISM-7: asks for the renewal or revocation of a certificate; the server opens a joint change every party's CAB approves. */
export function CertificateChangeForm({ certificate, kind, onDone, onCancel }: Props) {
  const { t } = useI18n();
  const text = useTextFields({ reason: '', plannedStart: '', plannedEnd: '' });
  const form = useFormSubmit(
    async () => {
      const plannedStart = localInputToIso(text.values.plannedStart);
      const plannedEnd = localInputToIso(text.values.plannedEnd);
      onDone(
        await api.post<CertificateChange>(`/certificates/${certificate.id}/${kind}`, {
          reason: text.values.reason.trim(),
          ...(plannedStart ? { plannedStart } : {}),
          ...(plannedEnd ? { plannedEnd } : {}),
        }),
      );
    },
    { stayBusy: true },
  );

  return (
    <FormShell
      className="inline-form"
      ariaLabel={t(`certificates.${kind}Of`, { name: certificate.name })}
      onSubmit={form.send}
      error={form.error}
      busy={form.busy}
      submitLabel={t(`certificates.${kind}Submit`)}
      onCancel={onCancel}
      cancelOnEscape
    >
      <TextField
        label={t('certificates.reason')}
        className="grow"
        required
        rows={2}
        maxLength={2000}
        {...text.field('reason')}
      />
      <TextField
        label={t('certificates.plannedStart')}
        hint={t('certificates.plannedHint')}
        type="datetime-local"
        {...text.field('plannedStart')}
      />
      <TextField label={t('certificates.plannedEnd')} type="datetime-local" {...text.field('plannedEnd')} />
    </FormShell>
  );
}
