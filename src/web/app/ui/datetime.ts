const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar date as YYYY-MM-DD. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function today(): string {
  return localDate(new Date());
}

/**
 * The value of a `datetime-local` input as ISO 8601 with the browser's UTC offset
 * (`2026-05-04T09:30:00+02:00`); null when empty or malformed.
 */
export function localInputToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? '0'));
  if (Number.isNaN(d.getTime())) return null;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  // From the normalised date, so a wall time skipped by a DST change stays consistent with its offset.
  return `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}

/** An instant as the value of a `datetime-local` input (browser time zone, minutes). */
export function isoToLocalInput(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a `datetime-local` input (browser time zone) as an ISO 8601 UTC instant; null when empty or malformed. */
export function localInputToUtc(value: string): string | null {
  const iso = localInputToIso(value);
  return iso ? new Date(iso).toISOString() : null;
}
