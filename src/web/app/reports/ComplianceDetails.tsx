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
          <table className="grid grid--compact grid--cards">
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
                  <th scope="row" data-label={t('ticket.ref')} className="nowrap mono">
                    <a href={href(`/tickets/${d.ref}`)}>{d.ref}</a>
                  </th>
                  <td data-label={t('report.type')}>{t(`type.${d.type}`)}</td>
                  <td data-label={t('report.priority')}>{d.priority}</td>
                  <td data-label={t('report.detail.opened')} className="nowrap">
                    {formatDate(d.openedAt)}
                  </td>
                  <td data-label={t('report.detail.firstIntervention')} className="nowrap">
                    {d.firstInterventionAt ? formatDate(d.firstInterventionAt) : '—'}
                  </td>
                  <td data-label={t('report.detail.elapsed')} className="num nowrap">
                    {duration(d.elapsedMs)}
                  </td>
                  <td data-label={t('report.detail.target')} className="num nowrap">
                    {duration(d.targetMs)}
                  </td>
                  <td
                    data-label={t('report.detail.within')}
                    className={d.within === null ? 'muted' : d.within ? 'met' : 'not-met'}
                  >
                    {within(d)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
