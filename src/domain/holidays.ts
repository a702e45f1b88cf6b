import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';

type Holidays = typeof HolidaysClass;
let loaded: Holidays | undefined;

/**
 * The holiday data (≈ 20 MB of memory once parsed), loaded on first use: a server only needs it
 * when a calendar version is written or a party created, not to serve requests.
 */
function holidays(country?: string, region?: string): HolidaysClass {
  loaded ??= createRequire(import.meta.url)('date-holidays') as Holidays;
  if (country === undefined) return new loaded();
  return region === undefined ? new loaded(country) : new loaded(country, region);
}

/**
 * Public holidays (type `public` only) of a country, optionally a region (a Swiss canton),
 * as local `YYYY-MM-DD` dates for a span of years. Expanded once, when a calendar version is
 * made, so later updates of the holiday data never change past results.
 */
export function publicHolidays(country: string, region: string | null, fromYear: number, toYear: number): string[] {
  const source = region ? holidays(country, region) : holidays(country);
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
  const countries = holidays().getCountries() ?? {};
  if (!(country in countries)) return false;
  if (!region) return true;
  return region in (holidays().getStates(country) ?? {});
}
