import Holidays from 'date-holidays';

/**
 * Public holidays (type `public` only) of a country, optionally a region (a Swiss canton),
 * as local `YYYY-MM-DD` dates for a span of years. Expanded once, when a calendar version is
 * made, so later updates of the holiday data never change past results.
 */
export function publicHolidays(country: string, region: string | null, fromYear: number, toYear: number): string[] {
  const source = region ? new Holidays(country, region) : new Holidays(country);
  const dates = new Set<string>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of source.getHolidays(year)) {
      if (holiday.type === 'public') dates.add(holiday.date.slice(0, 10));
    }
  }
  return [...dates].sort();
}

/** True when date-holidays knows the country (and region, when given). */
export function isHolidayArea(country: string, region: string | null): boolean {
  const countries = new Holidays().getCountries() ?? {};
  if (!(country in countries)) return false;
  if (!region) return true;
  return region in (new Holidays().getStates(country) ?? {});
}
