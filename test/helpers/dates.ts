/**
 * The calendar date (YYYY-MM-DD) `offsetDays` from now in the demo parties' time zone (Europe/Paris
 * and Europe/Zurich keep the same offset): the server counts "tomorrow" there, not in UTC, so a date
 * taken from UTC would be "today" for an hour or two each night.
 */
export function partyDate(offsetDays: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}
