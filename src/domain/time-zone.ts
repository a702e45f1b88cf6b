/** Offsets of IANA time zones, cached per hour of UTC (offsets never change inside an hour in practice). */
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();
const HOUR = 3_600_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local time minus UTC, in milliseconds, at instant `t` in `timeZone`. */
export function offsetAt(timeZone: string, t: number): number {
  const bucket = Math.floor(t / HOUR);
  let cache = offsets.get(timeZone);
  if (!cache) offsets.set(timeZone, (cache = new Map()));
  const hit = cache.get(bucket);
  if (hit !== undefined) return hit;
  const at = bucket * HOUR;
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second);
  const offset = local - at;
  cache.set(bucket, offset);
  return offset;
}

export const DAY = 86_400_000;

/** Days since 1970-01-01 of the local date of instant `t`. */
export function localDayOf(timeZone: string, t: number): number {
  return Math.floor((t + offsetAt(timeZone, t)) / DAY);
}

/** Every zone's offset lies from UTC−12:00 to UTC+14:00. */
const EARLIEST_OFFSET = -12 * HOUR;
const LATEST_OFFSET = 14 * HOUR;

/**
 * The calendar year at instant `t` in every time zone, without knowing which: null in the 26 hours
 * around a new year when zones are in different years (then ask localDayOf in the zone concerned).
 */
export function yearInEveryZone(t: number): number | null {
  const year = new Date(t + EARLIEST_OFFSET).getUTCFullYear();
  return new Date(t + LATEST_OFFSET).getUTCFullYear() === year ? year : null;
}

/**
 * The instant at which the local clock in `timeZone` shows `minute` minutes after the
 * midnight that starts local day `day`. A local time repeated by a DST change maps to its
 * first occurrence; one skipped maps forward by the length of the gap (as JavaScript does).
 */
export function instantOf(timeZone: string, day: number, minute: number): number {
  const local = day * DAY + minute * 60_000;
  const before = offsetAt(timeZone, local - DAY);
  const after = offsetAt(timeZone, local + DAY);
  const candidates = [local - before, local - after].filter(
    (t, i) => offsetAt(timeZone, t) === (i === 0 ? before : after),
  );
  if (candidates.length > 0) return Math.min(...candidates);
  return Math.max(local - before, local - after);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` date. */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}
