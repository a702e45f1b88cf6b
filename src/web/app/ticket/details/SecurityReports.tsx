import type { PresentedSecurity as SecurityDetails } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';
import { readsSecurityReports } from '../../ui/roles.ts';

/** SEC-5: the response and final reports issued, downloadable by level 3 (security officers, level managers) only. */
export function SecurityReports({ reference, details }: { reference: string; details: SecurityDetails }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const issued = (['response', 'final'] as const).filter((kind) => details.reports?.[kind]);
  if (issued.length === 0) return <p className="muted">{t('security.reports.none')}</p>;
  const mayDownload = readsSecurityReports(user);
  const base = `/api/v1/tickets/${encodeURIComponent(reference)}/reports`;
  return (
    <ul className="reports-issued">
      {issued.map((kind) => {
        const report = details.reports![kind]!;
        return (
          <li key={kind} data-report={kind}>
            <strong>{t(`security.reports.${kind}`)}</strong> —{' '}
            {t('security.reports.issued', { by: report.by, at: formatDate(report.issuedAt) })}
            {mayDownload && (
              <>
                {' '}
                <a href={`${base}/${kind}.pdf`} download>
                  {t('security.reports.pdf', { kind: t(`security.reports.${kind}`) })}
                </a>{' '}
                <a href={`${base}/${kind}.json`} download>
                  {t('security.reports.json', { kind: t(`security.reports.${kind}`) })}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
