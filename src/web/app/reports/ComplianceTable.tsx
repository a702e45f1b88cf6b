import type { ComplianceRow } from '../../../contract/services.ts';
import { useI18n } from '../i18n.tsx';
import { useMetText, usePercent } from './format.ts';

/** SLA-5: per type and priority, tickets, within target, %, objective, met and pending. */
export function ComplianceTable({ rows }: { rows: ComplianceRow[] }) {
  const { t } = useI18n();
  const pct = usePercent();
  const metText = useMetText();
  return (
    <div className="table-wrap">
      <table className="grid grid--cards report-table">
        <caption className="visually-hidden">{t('report.compliance.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.type')}</th>
            <th scope="col">{t('report.priority')}</th>
            <th scope="col" className="num">
              {t('report.tickets')}
            </th>
            <th scope="col" className="num">
              {t('report.withinTarget')}
            </th>
            <th scope="col" className="num">
              {t('report.pctWithin')}
            </th>
            <th scope="col" className="num">
              {t('report.objective')}
            </th>
            <th scope="col">{t('report.metColumn')}</th>
            <th scope="col" className="num">
              {t('report.pending')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.type}-${row.priority}`} className={row.met === false ? 'row--not-met' : undefined}>
              <td data-label={t('report.type')}>{t(`type.${row.type}`)}</td>
              <th scope="row" data-label={t('report.priority')}>
                {row.priority === 'all' ? t('report.allPriorities') : row.priority}
              </th>
              <td data-label={t('report.tickets')} className="num">
                {row.tickets}
              </td>
              <td data-label={t('report.withinTarget')} className="num">
                {row.withinTarget}
              </td>
              <td data-label={t('report.pctWithin')} className="num">
                {pct(row.pct)}
              </td>
              <td data-label={t('report.objective')} className="num">
                {pct(row.objectivePct)}
              </td>
              <td
                data-label={t('report.metColumn')}
                className={row.met === null ? 'muted' : row.met ? 'met' : 'not-met'}
              >
                {metText(row.met)}
              </td>
              <td data-label={t('report.pending')} className="num">
                {row.pending}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
