import { VERIFICATION_CHANNELS } from '../../../domain/certificates.ts';
import type { Certificate } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { Field } from '../ui/Field.tsx';

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
  const { busy, error, fieldError, submit } = useFormSubmit(
    async () => {
      onDone(
        await api.post<Certificate>(`/certificates/${certificate.id}/verify`, {
          channel,
          counterpart: counterpart.trim(),
          fingerprint: fingerprint.trim(),
        }),
      );
    },
    { stayBusy: true },
  );

  return (
    <form
      className="inline-form"
      aria-label={t('certificates.verifyOf', { name: certificate.name })}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      noValidate
    >
      <FormError error={error} fields={['channel', 'counterpart', 'fingerprint']} />
      <div className="form-row">
        <Field label={t('certificates.channel')} required error={fieldError('channel')}>
          {(c) => (
            <select {...c} name="channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
              {VERIFICATION_CHANNELS.map((ch) => (
                <option key={ch} value={ch}>
                  {t(`verificationChannel.${ch}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('certificates.counterpart')} required error={fieldError('counterpart')}>
          {(c) => (
            <input
              {...c}
              name="counterpart"
              required
              value={counterpart}
              onChange={(e) => setCounterpart(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        label={t('certificates.fingerprintRead')}
        required
        error={fieldError('fingerprint')}
        hint={t('certificates.fingerprintHint')}
      >
        {(c) => (
          <input
            {...c}
            name="fingerprint"
            className="mono"
            required
            spellCheck={false}
            value={fingerprint}
            onChange={(e) => setFingerprint(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('common.saving') : t('certificates.verifySubmit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
