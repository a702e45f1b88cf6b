import type { AvailabilityReport } from '../../../contract/services.ts';
import { query } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { useDuration } from '../ui/SlaCell.tsx';
import { BarChart, type ChartBar } from './BarChart.tsx';
import { useMetText, usePercent } from './format.ts';
import { ReportSection } from './ReportLinks.tsx';
import { useGet } from '../ui/useGet.ts';

/** SLA-6: monthly availability per service against its target, as a table and a chart. */
export function AvailabilitySection({ party, month }: { party: string; month: string }) {
  const { t } = useI18n();
  const pct = usePercent();
  const metText = useMetText();
  const duration = useDuration();
  const { data, error, loading } = useGet<AvailabilityReport>(`/reports/availability${query({ party, month })}`);
  const rows = data?.rows ?? [];
  // Availability lives near 100 %: the scale starts just under the lowest figure or target.
  const lowest = Math.min(100, ...rows.flatMap((r) => [r.availabilityPct, r.targetPct ?? 100]));
  const min = Math.max(0, Math.floor(lowest) - 1);
  const bars: ChartBar[] = rows.map((r) => ({
    key: r.service,
    label: r.service,
    value: r.availabilityPct,
    target: r.targetPct,
    met: r.met,
    valueText: pct(r.availabilityPct),
    description: t('report.availability.bar', {
      service: r.service,
      pct: pct(r.availabilityPct),
      target: pct(r.targetPct),
      met: metText(r.met),
    }),
  }));

  return (
    <ReportSection report="availability" party={party} month={month} loading={loading}>
      <FormError error={error} />
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {data && rows.length === 0 && <p className="empty">{t('report.availability.none')}</p>}
      {rows.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="grid grid--cards report-table">
              <caption className="visually-hidden">{t('report.availability.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.service')}</th>
                  <th scope="col" className="num">
                    {t('report.outages')}
                  </th>
                  <th scope="col" className="num">
                    {t('report.downtime')}
                  </th>
                  <th scope="col" className="num">
                    {t('report.availability')}
                  </th>
                  <th scope="col" className="num">
                    {t('report.target')}
                  </th>
                  <th scope="col">{t('report.metColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.service} className={r.met === false ? 'row--not-met' : undefined}>
                    <th scope="row" data-label={t('report.service')}>
                      {r.service}
                    </th>
                    <td data-label={t('report.outages')} className="num">
                      {r.outages}
                    </td>
                    <td data-label={t('report.downtime')} className="num nowrap">
                      {duration(r.downtimeMs)}
                    </td>
                    <td data-label={t('report.availability')} className="num">
                      {pct(r.availabilityPct)}
                    </td>
                    <td data-label={t('report.target')} className="num">
                      {pct(r.targetPct)}
                    </td>
                    <td
                      data-label={t('report.metColumn')}
                      className={r.met === null ? 'muted' : r.met ? 'met' : 'not-met'}
                    >
                      {metText(r.met)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <BarChart
            title={t('report.availability.chart', { party, month })}
            bars={bars}
            min={min}
            format={(n) => pct(n)}
            legend={{
              met: t('report.legend.targetMet'),
              notMet: t('report.legend.targetNotMet'),
              target: t('report.legend.target'),
            }}
          />
        </>
      )}
    </ReportSection>
  );
}
