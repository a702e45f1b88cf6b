import type { CalendarVersion } from '../../../contract/services.ts';
import { useI18n } from '../i18n.tsx';
import { useDayFormat, useWeekText } from './weekly.ts';

interface Props {
  versions: CalendarVersion[];
  /** Today in the calendar's time zone, to tell which version is in force. */
  today: string;
}

/** The calendar's versions, newest first, with the one in force today marked (SLA-3). */
export function VersionList({ versions, today }: Props) {
  const { t } = useI18n();
  const weekText = useWeekText();
  const day = useDayFormat();
  const year = today.slice(0, 4);
  const inForce = [...versions]
    .filter((v) => v.effectiveFrom <= today)
    .sort((a, b) => b.version - a.version)[0]?.version;
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);

  return (
    <ol className="versions" aria-label={t('calendar.versions')} reversed>
      {newestFirst.map((v) => {
        const holidays = v.holidays.filter((h) => h.startsWith(year));
        return (
          <li key={v.version} className="version card">
            <h3 id={`calendar-version-${v.version}`}>
              {t('calendar.version', { version: v.version })}{' '}
              {v.version === inForce && <span className="badge badge--sla badge--sla-ok">{t('calendar.inForce')}</span>}
              {v.effectiveFrom > today && <span className="badge badge--status">{t('calendar.upcoming')}</span>}
            </h3>
            <dl className="facts__meta">
              <dt>{t('calendar.effectiveFrom')}</dt>
              <dd>{day(v.effectiveFrom)}</dd>
              <dt>{t('calendar.hours')}</dt>
              <dd>{weekText(v.weekly)}</dd>
              <dt>{t('calendar.onCall')}</dt>
              <dd>{v.onCallPriorities.length > 0 ? v.onCallPriorities.join(', ') : t('calendar.none')}</dd>
              <dt>{t('calendar.extraClosures')}</dt>
              <dd>{v.extraClosures.length > 0 ? v.extraClosures.map(day).join(' · ') : t('calendar.none')}</dd>
            </dl>
            <details>
              <summary>{t('calendar.holidays', { year, count: holidays.length })}</summary>
              <ul className="holidays">
                {holidays.map((h) => (
                  <li key={h}>
                    <time dateTime={h}>{day(h)}</time>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
