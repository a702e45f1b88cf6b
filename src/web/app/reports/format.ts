import { useI18n } from '../i18n.tsx';
import { localDate } from '../ui/datetime.ts';

/** The month before the current one, as YYYY-MM (reports default to the last complete month). */
export function previousMonth(now = new Date()): string {
  return localDate(new Date(now.getFullYear(), now.getMonth() - 1, 1)).slice(0, 7);
}

/** The current month, as YYYY-MM. */
export function currentMonth(now = new Date()): string {
  return localDate(now).slice(0, 7);
}

/** Formats a percentage in the current language ("99.95%" / "99,95 %"); "—" for none. */
export function usePercent(): (value: number | null) => string {
  const { t, lang } = useI18n();
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });
  return (value) => (value === null ? '—' : t('report.pct', { value: number.format(value) }));
}

/** "✓ Met" / "✗ Not met" / "—", in words as well as symbols. */
export function useMetText(): (met: boolean | null) => string {
  const { t } = useI18n();
  return (met) => (met === null ? t('report.noData') : met ? `✓ ${t('report.met')}` : `✗ ${t('report.notMet')}`);
}

/** A report URL under /api/v1 with its query, for download links. */
export function reportUrl(path: string, params: Record<string, string>): string {
  return `/api/v1/reports/${path}?${new URLSearchParams(params).toString()}`;
}
