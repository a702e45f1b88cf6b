import type { ComplianceReport } from '../../../contract/services.ts';
import { query } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { BarChart, type ChartBar } from './BarChart.tsx';
import { ComplianceDetails } from './ComplianceDetails.tsx';
import { ComplianceTable } from './ComplianceTable.tsx';
import { useMetText, usePercent } from './format.ts';
import { ReportSection } from './ReportLinks.tsx';
import { useGet } from '../ui/useGet.ts';

/** SLA-5: the party's monthly GTI compliance as a table, a chart, CSV/JSON and the tickets behind it. */
export function ComplianceSection({ party, month }: { party: string; month: string }) {
  const { t } = useI18n();
  const pct = usePercent();
  const metText = useMetText();
  const { data, error, loading } = useGet<ComplianceReport>(
    `/reports/compliance${query({ party, month, details: 'true' })}`,
  );

  const bars: ChartBar[] = (data?.rows ?? [])
    .filter((row) => row.type === 'incident')
    .map((row) => ({
      key: row.priority,
      label: row.priority,
      value: row.pct,
      target: row.objectivePct,
      met: row.met,
      valueText: row.pct === null ? '—' : pct(row.pct),
      description:
        row.pct === null
          ? t('report.compliance.barEmpty', {
              priority: row.priority,
              objective: pct(row.objectivePct),
              pending: row.pending,
            })
          : t('report.compliance.bar', {
              priority: row.priority,
              pct: pct(row.pct),
              within: row.withinTarget,
              tickets: row.tickets,
              objective: pct(row.objectivePct),
              met: metText(row.met),
            }),
    }));

  return (
    <ReportSection report="compliance" party={party} month={month} jsonParams={{ details: 'true' }} loading={loading}>
      <p className="muted">
        {data ? t('report.compliance.intro', { zone: data.timeZone }) : loading ? t('common.loading') : ''}
      </p>
      <FormError error={error} />
      {data && (
        <>
          <ComplianceTable rows={data.rows} />
          <BarChart
            title={t('report.compliance.chart', { party, month })}
            bars={bars}
            format={(n) => pct(n)}
            legend={{
              met: t('report.legend.met'),
              notMet: t('report.legend.notMet'),
              target: t('report.legend.objective'),
            }}
          />
          <ComplianceDetails details={data.details ?? []} />
        </>
      )}
    </ReportSection>
  );
}
