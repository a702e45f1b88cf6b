import type { Sla, SlaClock } from '../../../contract/schemas.ts';
import { useI18n } from '../i18n.tsx';
import { hoursMinutes, urgentClock } from './sla.ts';

/** Formats a business-time duration as "3 h 05 min" / "12 min". */
export function useDuration(): (ms: number) => string {
  const { t } = useI18n();
  return (ms) => {
    const { h, m } = hoursMinutes(ms);
    return h > 0 ? t('duration.hm', { h, m: String(m).padStart(2, '0') }) : t('duration.m', { m });
  };
}

/** What is left on a clock: "2 h 10 min left" or "overdue by 25 min" (business time). */
export function useTimeLeft(): (clock: SlaClock) => { text: string; overdue: boolean } {
  const { t } = useI18n();
  const duration = useDuration();
  return (clock) => {
    const left = clock.targetMs - clock.elapsedMs;
    return left < 0
      ? { text: t('sla.overdue', { duration: duration(-left) }), overdue: true }
      : { text: t('sla.left', { duration: duration(left) }), overdue: false };
  };
}

/** The SLA state of a ticket in one cell: level and the time left on the clock that matters now (SLA-4). */
export function SlaCell({ sla }: { sla: Sla | null | undefined }) {
  const { t, formatDate } = useI18n();
  const timeLeft = useTimeLeft();
  if (!sla) return <span className="muted">—</span>;
  const urgent = urgentClock(sla);
  const paused = !urgent && [sla.gti, sla.gtr, sla.gte].some((clock) => clock.phase === 'paused');
  const left = urgent ? timeLeft(urgent.clock) : null;
  return (
    <span className="sla-cell">
      <span className={`badge badge--sla badge--sla-${sla.level}`}>{t(`sla.level.${sla.level}`)}</span>
      {urgent && left && (
        <span
          className={`sla-cell__detail${left.overdue ? ' sla-cell__detail--overdue' : ''}`}
          title={
            urgent.clock.dueAt
              ? t('sla.dueAt', { clock: t(`sla.short.${urgent.name}`), time: formatDate(urgent.clock.dueAt) })
              : undefined
          }
        >
          {t('sla.clockLeft', { clock: t(`sla.short.${urgent.name}`), left: left.text })}
        </span>
      )}
      {paused && <span className="sla-cell__detail">{t('sla.pausedShort')}</span>}
    </span>
  );
}
