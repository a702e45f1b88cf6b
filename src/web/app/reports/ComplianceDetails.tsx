import type { ComplianceDetail } from '../../../contract/services.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { useDuration } from '../ui/SlaCell.tsx';

/** The tickets behind the compliance figures, folded away by default (SLA-5 auditability). */
export function ComplianceDetails({ details }: { details: ComplianceDetail[] }) {
  const { t, formatDate } = useI18n();
  const duration = useDuration();
  const within = (d: ComplianceDetail) =>
    d.within === null
      ? t('report.detail.pending')
      : d.within
        ? `✓ ${t('report.detail.yes')}`
        : `✗ ${t('report.detail.no')}`;
  return (
    <details className="report-details">
      <summary>{t('report.detail.summary', { count: details.length })}</summary>
      {details.length === 0 ? (
        <p className="empty">{t('report.detail.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="grid grid--compact">
            <caption className="visually-hidden">{t('report.detail.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ticket.ref')}</th>
                <th scope="col">{t('report.type')}</th>
                <th scope="col">{t('report.priority')}</th>
                <th scope="col">{t('report.detail.opened')}</th>
                <th scope="col">{t('report.detail.firstIntervention')}</th>
                <th scope="col" className="num">
                  {t('report.detail.elapsed')}
                </th>
                <th scope="col" className="num">
                  {t('report.detail.target')}
                </th>
                <th scope="col">{t('report.detail.within')}</th>
              </tr>
            </thead>
            <tbody>
              {details.map((d) => (
                <tr key={d.ref} className={d.within === false ? 'row--not-met' : undefined}>
                  <th scope="row" className="nowrap mono">
                    <a href={href(`/tickets/${d.ref}`)}>{d.ref}</a>
                  </th>
                  <td>{t(`type.${d.type}`)}</td>
                  <td>{d.priority}</td>
                  <td className="nowrap">{formatDate(d.openedAt)}</td>
                  <td className="nowrap">{d.firstInterventionAt ? formatDate(d.firstInterventionAt) : '—'}</td>
                  <td className="num nowrap">{duration(d.elapsedMs)}</td>
                  <td className="num nowrap">{duration(d.targetMs)}</td>
                  <td className={d.within === null ? 'muted' : d.within ? 'met' : 'not-met'}>{within(d)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
