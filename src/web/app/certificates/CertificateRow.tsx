import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import type { Certificate } from '../securityTypes.ts';
import { VerifyCertificateForm } from './VerifyCertificateForm.tsx';

const DAY = 86_400_000;

/** One certificate of the register: state, expiry (marked when near), verification and the verify form. */
export function CertificateRow({ certificate: c, mayVerify, onChanged }: { certificate: Certificate; mayVerify: boolean; onChanged(c: Certificate): void }) {
  const { t, formatDate } = useI18n();
  const [verifying, setVerifying] = useState(false);
  const daysLeft = Math.floor((Date.parse(c.notAfter) - Date.now()) / DAY);
  const expiry = daysLeft < 0 ? 'expired' : daysLeft <= 30 ? 'soon' : 'ok';
  return (
    <>
      <tr className={expiry === 'ok' ? undefined : 'row--overdue'}>
        <th scope="row">
          {c.name}
          <div className="muted">{c.usage}</div>
        </th>
        <td className="mono small">{c.subject}</td>
        <td><span className={`badge badge--status badge--cert-${c.state}`}>{t(`certState.${c.state}`)}</span>{c.usable && <> <span className="badge badge--task-done">{t('certificates.usable')}</span></>}</td>
        <td className="nowrap">
          {formatDate(c.notAfter)}
          {expiry !== 'ok' && <> <span className="badge badge--critical">{t(expiry === 'expired' ? 'certificates.expired' : 'certificates.expiresIn', { days: daysLeft })}</span></>}
        </td>
        <td className="mono small">{c.fingerprint}</td>
        <td>{c.verification ? t('certificates.verifiedBy', { by: c.verification.by, party: c.verification.party, channel: t(`verificationChannel.${c.verification.channel}`), at: formatDate(c.verification.at) }) : t('certificates.notVerified')}</td>
        <td>
          {mayVerify && !c.verification && (
            <button type="button" className="btn" aria-expanded={verifying} onClick={() => setVerifying(!verifying)}>{t('certificates.verify')}</button>
          )}
        </td>
      </tr>
      {verifying && (
        <tr>
          <td colSpan={7}>
            <VerifyCertificateForm
              certificate={c}
              onCancel={() => setVerifying(false)}
              onDone={(updated) => {
                setVerifying(false);
                onChanged(updated);
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}
