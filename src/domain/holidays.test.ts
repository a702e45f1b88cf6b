import { describe, expect, it } from 'vitest';
import { isHolidayArea, publicHolidays } from './holidays.ts';

describe('public holidays', () => {
  it('lists French public holidays, 1 May included', () => {
    const fr = publicHolidays('FR', null, 2026, 2026);
    expect(fr).toContain('2026-05-01');
    expect(fr).toContain('2026-07-14');
    expect(fr).toHaveLength(11);
  });

  it('lists the canton of Bern’s, which differ from Zurich’s', () => {
    const bern = publicHolidays('CH', 'BE', 2026, 2026);
    expect(bern).toContain('2026-01-02');
    expect(bern).toContain('2026-08-01');
    expect(bern).not.toContain('2026-05-01');
    expect(isHolidayArea('CH', 'BE')).toBe(true);
    expect(isHolidayArea('CH', 'XX')).toBe(false);
    expect(isHolidayArea('ZZ', null)).toBe(false);
  });
});
