import { describe, expect, it } from 'vitest';
import { isoDate, localDayOf, yearInEveryZone } from './time-zone.ts';

const ZONES = ['Pacific/Kiritimati', 'Pacific/Auckland', 'Europe/Paris', 'UTC', 'America/Los_Angeles', 'Etc/GMT+12'];
const localYear = (zone: string, t: number) => Number(isoDate(localDayOf(zone, t)).slice(0, 4));

describe('yearInEveryZone', () => {
  it('is the year of every zone, or null when two zones are in different years', () => {
    const start = Date.UTC(2026, 11, 30);
    for (let t = start; t < Date.UTC(2027, 0, 3); t += 15 * 60_000) {
      const years = new Set(ZONES.map((zone) => localYear(zone, t)));
      const year = yearInEveryZone(t);
      if (year === null) expect(years.size, new Date(t).toISOString()).toBe(2);
      else expect([...years], new Date(t).toISOString()).toEqual([year]);
    }
  });

  it('knows the year for all but the 26 hours around new year', () => {
    expect(yearInEveryZone(Date.UTC(2026, 11, 31, 9, 59))).toBe(2026);
    expect(yearInEveryZone(Date.UTC(2026, 11, 31, 10, 0))).toBeNull(); // midnight at Kiritimati (UTC+14)
    expect(yearInEveryZone(Date.UTC(2027, 0, 1, 11, 59))).toBeNull(); // still 2026 at UTC−12
    expect(yearInEveryZone(Date.UTC(2027, 0, 1, 12, 0))).toBe(2027);
    expect(yearInEveryZone(Date.UTC(2026, 5, 15))).toBe(2026);
  });
});
