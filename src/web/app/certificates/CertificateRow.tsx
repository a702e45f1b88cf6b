import type { Certificate } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { RowPanel } from '../ui/DataTable.tsx';
import { InlineError } from '../ui/errors.tsx';
import { CertificateChangeForm } from './CertificateChangeForm.tsx';
import { offers } from './steps.ts';
import { VerifyCertificateForm } from './VerifyCertificateForm.tsx';
import { useRun } from '../ui/useFormSubmit.ts';

const DAY = 86_400_000;
type Panel = 'verify' | 'renewal' | 'revocation' | null;

interface Props {
  certificate: Certificate;
  /** A keeper of any party may verify (never the one who registered it: the server says so). */
  mayVerify: boolean;
  /** A keeper of the owning party installs, puts in use, renews and revokes. */
  keeps: boolean;
  onChanged(c: Certificate): void;
}

/** One certificate of the register: state, expiry (marked when near), verification, its change, and the steps its state allows. */
export function CertificateRow({ certificate: c, mayVerify, keeps, onChanged }: Props) {
  const { t, formatDate } = useI18n();
  const [panel, setPanel] = useState<Panel>(null);
  const { busy, error, run } = useRun();
  const [requested, setRequested] = useState<{ kind: string; ref: string } | null>(null);
  const daysLeft = Math.floor((Date.parse(c.notAfter) - Date.now()) / DAY);
  const expiry = daysLeft < 0 ? 'expired' : daysLeft <= 30 ? 'soon' : 'ok';

  async function advance(step: 'install' | 'use') {
    await run(async () => {
      onChanged(await api.post<Certificate>(`/certificates/${c.id}/${step}`));
    });
  }

  const toggle = (p: Panel) => setPanel(panel === p ? null : p);
  const close = () => setPanel(null);
  return (
    <>
      <tr className={expiry === 'ok' ? undefined : 'row--overdue'} data-certificate={c.name}>
        <th scope="row">
          {c.name}
          <div className="muted">{c.usage}</div>
        </th>
        <td className="mono small">{c.subject}</td>
        <td>
          <span className={`badge badge--status badge--cert-${c.state}`} data-state={c.state}>
            {t(`certState.${c.state}`)}
          </span>
          {c.usable && (
            <>
              {' '}
              <span className="badge badge--task-done">{t('certificates.usable')}</span>
            </>
          )}
          {c.change && (
            <div className="small">
              {t(c.pendingChange ? `certificates.pending.${c.pendingChange}` : 'certificates.change')}{' '}
              <a className="mono" href={href(`/tickets/${c.change.ref}`)}>
                {c.change.ref}
              </a>
            </div>
          )}
        </td>
        <td className="nowrap">
          {formatDate(c.notAfter)}
          {expiry !== 'ok' && (
            <>
              {' '}
              <span className="badge badge--critical">
                {t(expiry === 'expired' ? 'certificates.expired' : 'certificates.expiresIn', { days: daysLeft })}
              </span>
            </>
          )}
        </td>
        <td className="mono small" data-testid="fingerprint">
          {c.fingerprint}
        </td>
        <td>
          {c.verification
            ? t('certificates.verifiedBy', {
                by: c.verification.by,
                party: c.verification.party,
                channel: t(`verificationChannel.${c.verification.channel}`),
                at: formatDate(c.verification.at),
              })
            : t('certificates.notVerified')}
        </td>
        <td className="cert-actions">
          {mayVerify && !c.verification && offers(c, 'verify') && (
            <button type="button" className="btn" aria-expanded={panel === 'verify'} onClick={() => toggle('verify')}>
              {t('certificates.verify')}
            </button>
          )}
          {keeps && offers(c, 'install') && (
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void advance('install')}>
              {t('certificates.install')}
            </button>
          )}
          {keeps && offers(c, 'use') && (
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void advance('use')}>
              {t('certificates.use')}
            </button>
          )}
          {keeps && offers(c, 'renewal') && (
            <button type="button" className="btn" aria-expanded={panel === 'renewal'} onClick={() => toggle('renewal')}>
              {t('certificates.renew')}
            </button>
          )}
          {keeps && offers(c, 'revocation') && (
            <button
              type="button"
              className="btn"
              aria-expanded={panel === 'revocation'}
              onClick={() => toggle('revocation')}
            >
              {t('certificates.revoke')}
            </button>
          )}
          <InlineError error={error} />
        </td>
      </tr>
      {requested && (
        <RowPanel span={7}>
          <p className="alert alert--success" role="status">
            {t(`certificates.requested.${requested.kind}`)}{' '}
            <a className="mono" href={href(`/tickets/${requested.ref}`)}>
              {requested.ref}
            </a>
          </p>
        </RowPanel>
      )}
      {panel !== null && (
        <RowPanel span={7}>
          {panel === 'verify' ? (
            <VerifyCertificateForm
              certificate={c}
              onCancel={close}
              onDone={(updated) => {
                close();
                onChanged(updated);
              }}
            />
          ) : (
            <CertificateChangeForm
              certificate={c}
              kind={panel}
              onCancel={close}
              onDone={(result) => {
                close();
                setRequested({ kind: panel, ref: result.change.ref });
                onChanged(result.certificate);
              }}
            />
          )}
        </RowPanel>
      )}
    </>
  );
}
