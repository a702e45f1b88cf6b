import { useI18n } from '../i18n.tsx';

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
