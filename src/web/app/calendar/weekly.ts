import type { DayHours } from '../../../contract/services.ts';
import { useI18n } from '../i18n.tsx';

/** Weekday indexes (0 = Sunday, as in the API) in the order a week is shown: Monday first. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes from midnight as "08:00" (1440 → "24:00"). */
export function clock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "08:30" → 510; NaN when not a time. */
export function minutes(time: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

const hoursText = (hours: DayHours) => hours.map(([s, e]) => `${clock(s)}–${clock(e)}`).join(', ');

/** Weekly hours in words: "Mon–Fri 08:00–18:00; Sat 09:00–12:00" (consecutive days with equal hours grouped). */
export function useWeekText(): (weekly: DayHours[]) => string {
  const { t } = useI18n();
  return (weekly) => {
    // Positions in WEEK_ORDER, so Sunday closes the week rather than opening it.
    const groups: { first: number; last: number; hours: string }[] = [];
    WEEK_ORDER.forEach((day, position) => {
      const hours = weekly[day] ?? [];
      if (hours.length === 0) return;
      const text = hoursText(hours);
      const previous = groups.at(-1);
      if (previous && previous.last === position - 1 && previous.hours === text) previous.last = position;
      else groups.push({ first: position, last: position, hours: text });
    });
    if (groups.length === 0) return t('calendar.closedAllWeek');
    const name = (position: number) => t(`weekday.short.${WEEK_ORDER[position] ?? 0}`);
    return groups
      .map((g) => `${g.first === g.last ? name(g.first) : `${name(g.first)}–${name(g.last)}`} ${g.hours}`)
      .join('; ');
  };
}

/** A calendar date (YYYY-MM-DD) in words, without time, in the current language. */
export function useDayFormat(): (date: string) => string {
  const { lang } = useI18n();
  const format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (date) => format.format(new Date(`${date}T00:00:00Z`));
}

/** Today in a given time zone, as YYYY-MM-DD (the calendar's own "today"). */
export function todayIn(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** The day after a YYYY-MM-DD date. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
