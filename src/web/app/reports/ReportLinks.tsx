import type { ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { reportUrl } from './format.ts';

interface Props {
  csv: string;
  json: string;
  /** What the links download, for their accessible names ("GTI compliance EU 2026-05"). */
  subject: string;
}

/** "Download CSV" and "JSON" links of a report. */
export function ReportLinks({ csv, json, subject }: Props) {
  const { t } = useI18n();
  return (
    <p className="report-links">
      <a className="btn btn--small" href={csv} download aria-label={t('report.csvNamed', { subject })}>
        {t('report.csv')}
      </a>
      <a className="btn btn--small btn--ghost" href={json} aria-label={t('report.jsonNamed', { subject })}>
        {t('report.json')}
      </a>
    </p>
  );
}

interface SectionProps {
  /** The report's path under /reports: its JSON there, its CSV at `<report>.csv`; it names the title and subject too. */
  report: 'availability' | 'compliance';
  party: string;
  month: string;
  /** What the JSON asks for beyond the CSV (compliance: the tickets behind each figure). */
  jsonParams?: Record<string, string>;
  loading: boolean;
  children: ReactNode;
}

/** A report of the month for a party: its title and download links, then the report. */
export function ReportSection({ report, party, month, jsonParams, loading, children }: SectionProps) {
  const { t } = useI18n();
  const params = { party, month };
  return (
    <section className="card block" aria-labelledby={`${report}-title`} aria-busy={loading}>
      <div className="section-head">
        <h2 id={`${report}-title`}>{t(`report.${report}.title`)}</h2>
        <ReportLinks
          subject={t(`report.${report}.subject`, params)}
          csv={reportUrl(`${report}.csv`, params)}
          json={reportUrl(report, { ...params, ...jsonParams })}
        />
      </div>
      {children}
    </section>
  );
}
