import type { Vulnerability } from '../../../contract/vulnerabilities.ts';
import { CSAF_REMEDIATIONS } from '../../../domain/csaf.ts';
import { useI18n } from '../i18n.tsx';
import { href, navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { SENSITIVITIES } from '../ui/constants.ts';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { opt, RecordForm } from './fields.tsx';
import { SecurityTxtForm } from './SecurityTxtForm.tsx';

/** CBM-4: the notices of every party my clearance covers, and the form to notify one. */
export function VulnerabilitiesPage() {
  const { t, formatDate } = useI18n();
  useTitle(t('cbm.vulnerabilities.title'));
  const { user } = useSession();
  const list = useGet<{ items: Vulnerability[] }>('/vulnerabilities');
  const notifies = user.roles.some((r) => r === 'security_officer' || r === 'agent');
  return (
    <>
      <h1 id="cbm-title">{t('cbm.vulnerabilities.title')}</h1>
      <FormError error={list.error} />
      {list.data && list.data.items.length === 0 && <p className="empty">{t('cbm.none')}</p>}
      <ul>
        {list.data?.items.map((v) => (
          <li key={v.id}>
            <a href={href(`/vulnerabilities/${v.id}`)}>
              {v.trackingId} — {v.title}
            </a>{' '}
            <span className="muted">
              {v.party} · TLP:{v.tlp} · {t(`cbm.vulnerabilities.remediations.${v.remediationCategory}`)} ·{' '}
              {formatDate(v.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      {notifies && (
        <RecordForm
          title={t('cbm.vulnerabilities.notify')}
          submit={t('cbm.vulnerabilities.notify')}
          path="/vulnerabilities"
          initial={{ remediationCategory: 'vendor_fix', sensitivity: 'LIMITED' }}
          fields={[
            { name: 'title', label: t('cbm.title'), required: true },
            { name: 'description', label: t('cbm.description'), required: true, multiline: true },
            { name: 'vendor', label: t('cbm.vulnerabilities.vendor'), required: true },
            { name: 'product', label: t('cbm.vulnerabilities.product'), required: true },
            { name: 'productVersion', label: t('cbm.vulnerabilities.productVersion'), required: true },
            { name: 'cve', label: 'CVE', hint: 'CVE-2026-12345' },
            {
              name: 'remediationCategory',
              label: t('cbm.vulnerabilities.remediationCategory'),
              options: CSAF_REMEDIATIONS.map((r) => ({ value: r, label: t(`cbm.vulnerabilities.remediations.${r}`) })),
            },
            { name: 'remediation', label: t('cbm.vulnerabilities.remediation'), required: true, multiline: true },
            {
              name: 'sensitivity',
              label: t('ticket.sensitivity'),
              options: SENSITIVITIES.map((s) => ({ value: s, label: t(`sensitivity.${s}`) })),
            },
          ]}
          toBody={(v) => ({
            title: v.title ?? '',
            description: v.description ?? '',
            vendor: v.vendor ?? '',
            product: v.product ?? '',
            productVersion: v.productVersion ?? '',
            ...(opt(v.cve) ? { cve: opt(v.cve) } : {}),
            remediationCategory: v.remediationCategory,
            remediation: v.remediation ?? '',
            sensitivity: v.sensitivity,
          })}
          onDone={(created: Vulnerability) => navigate(`/vulnerabilities/${created.id}`)}
        />
      )}
      {user.roles.some((r) => r === 'security_officer' || r === 'party_admin') && <SecurityTxtForm />}
    </>
  );
}
