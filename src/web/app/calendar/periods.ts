/** The month and week views of the calendar: which days they show, in the browser's time zone. */
export const CALENDAR_VIEWS = ['month', 'week'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** Midnight (local) of the day holding `date`. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** `days` days after `date` (calendar days, so a change of daylight saving time moves nothing). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** The Monday of the week holding `date` (weeks start on Monday in both languages of the console). */
export function startOfWeek(date: Date): Date {
  const day = startOfDay(date);
  return addDays(day, -((day.getDay() + 6) % 7));
}

/** The days a view shows around `anchor`: whole weeks, Monday first (the month's weeks for a month). */
export function viewDays(view: CalendarView, anchor: Date): Date[] {
  const first =
    view === 'week' ? startOfWeek(anchor) : startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth(), 1));
  const last =
    view === 'week'
      ? addDays(first, 6)
      : addDays(startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0)), 6);
  const days: Date[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The anchor of the previous (-1) or next (+1) month or week. */
export function shiftAnchor(view: CalendarView, anchor: Date, step: -1 | 1): Date {
  return view === 'week' ? addDays(anchor, 7 * step) : new Date(anchor.getFullYear(), anchor.getMonth() + step, 1);
}

/** The instants the view covers, [from, to): what to ask the API for. */
export function viewRange(view: CalendarView, anchor: Date): { from: Date; to: Date } {
  const days = viewDays(view, anchor);
  return { from: days[0]!, to: addDays(days.at(-1)!, 1) };
}

/** True when [start, end) touches the day (an instant with no end touches the day it falls on). */
export function onDay(day: Date, start: Date, end: Date | null): boolean {
  const next = addDays(day, 1);
  return end ? start < next && end > day : start >= day && start < next;
}

/** The local date `YYYY-MM-DD` of a day (for `<time dateTime>` and keys). */
export function dayKey(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
