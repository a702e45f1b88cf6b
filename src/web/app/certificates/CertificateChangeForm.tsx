import type { Certificate, CertificateChange } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { localInputToIso } from '../ui/datetime.ts';
import { FormError } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { Field } from '../ui/Field.tsx';

interface Props {
  certificate: Certificate;
  kind: 'renewal' | 'revocation';
  onDone(result: CertificateChange): void;
  onCancel(): void;
}

/** ISM-7: asks for the renewal or revocation of a certificate; the server opens a joint change every party's CAB approves. */
export function CertificateChangeForm({ certificate, kind, onDone, onCancel }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const { busy, error, fieldError, submit } = useFormSubmit(
    async () => {
      const plannedStart = localInputToIso(start);
      const plannedEnd = localInputToIso(end);
      onDone(
        await api.post<CertificateChange>(`/certificates/${certificate.id}/${kind}`, {
          reason: reason.trim(),
          ...(plannedStart ? { plannedStart } : {}),
          ...(plannedEnd ? { plannedEnd } : {}),
        }),
      );
    },
    { stayBusy: true },
  );

  return (
    <form
      className="inline-form"
      aria-label={t(`certificates.${kind}Of`, { name: certificate.name })}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      noValidate
    >
      <FormError error={error} fields={['reason', 'plannedStart', 'plannedEnd']} />
      <Field label={t('certificates.reason')} required error={fieldError('reason')} className="grow">
        {(c) => (
          <textarea
            {...c}
            name="reason"
            rows={2}
            required
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('certificates.plannedStart')}
        error={fieldError('plannedStart')}
        hint={t('certificates.plannedHint')}
      >
        {(c) => (
          <input
            {...c}
            name="plannedStart"
            type="datetime-local"
            value={start}
            onChange={(e) => setStart(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('certificates.plannedEnd')} error={fieldError('plannedEnd')}>
        {(c) => (
          <input {...c} name="plannedEnd" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('common.saving') : t(`certificates.${kind}Submit`)}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
