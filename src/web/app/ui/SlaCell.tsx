import { useI18n } from '../i18n.tsx';
import type { Sla } from '../types.ts';
import { hoursMinutes, urgentClock } from './sla.ts';

/** Formats a business-time duration as "3 h 05 min" / "12 min". */
export function useDuration(): (ms: number) => string {
  const { t } = useI18n();
  return (ms) => {
    const { h, m } = hoursMinutes(ms);
    return h > 0 ? t('duration.hm', { h, m: String(m).padStart(2, '0') }) : t('duration.m', { m });
  };
}

/** The SLA state of a ticket in one cell: level and the clock that matters now (SLA-4). */
export function SlaCell({ sla }: { sla: Sla | null | undefined }) {
  const { t, formatDate } = useI18n();
  const duration = useDuration();
  if (!sla) return <span className="muted">—</span>;
  const urgent = urgentClock(sla);
  const clockName = urgent ? t(`sla.short.${urgent.name}`) : '';
  let detail = '';
  if (urgent?.clock.level === 'breached') detail = t('sla.overdueBy', { clock: clockName, duration: duration(urgent.clock.elapsedMs - urgent.clock.targetMs) });
  else if (urgent?.clock.dueAt) detail = t('sla.dueAt', { clock: clockName, time: formatDate(urgent.clock.dueAt) });
  return (
    <span className="sla-cell">
      <span className={`badge badge--sla badge--sla-${sla.level}`}>{t(`sla.level.${sla.level}`)}</span>
      {detail && <span className="sla-cell__detail">{detail}</span>}
    </span>
  );
}
