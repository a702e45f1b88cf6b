import { dayNumber, instantOf } from './time-zone.ts';

/** The instants bounding a calendar month (`YYYY-MM`) in a time zone: [start, end). */
export function monthBounds(month: string, timeZone: string): [number, number] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [instantOf(timeZone, dayNumber(`${month}-01`), 0), instantOf(timeZone, dayNumber(`${next}-01`), 0)];
}
