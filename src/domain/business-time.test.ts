import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, OFFICE_HOURS, WallClock, type CalendarRules } from './business-time.ts';

const HOUR = 3_600_000;
const FR_2026: CalendarRules = {
  weekly: OFFICE_HOURS,
  closedDates: [
    '2026-01-01',
    '2026-04-06',
    '2026-05-01',
    '2026-05-08',
    '2026-05-14',
    '2026-05-25',
    '2026-07-14',
    '2026-08-15',
    '2026-11-01',
    '2026-11-11',
    '2026-12-25',
  ],
};
const paris = new BusinessCalendar('Europe/Paris', [{ effectiveFrom: '2000-01-01', rules: FR_2026 }]);
const at = (iso: string) => Date.parse(iso);

describe('business time (SLA-3)', () => {
  it('takes a P3 opened Thursday 30 April 2026 16:00 Paris to its 4 h GTI on Monday 4 May 10:00 (1 May is a holiday)', () => {
    const opened = at('2026-04-30T16:00:00+02:00');
    expect(new Date(paris.add(opened, 4 * HOUR)).toISOString()).toBe(
      new Date('2026-05-04T10:00:00+02:00').toISOString(),
    );
    expect(paris.between(opened, at('2026-05-04T10:00:00+02:00'))).toBe(4 * HOUR);
  });

  it('counts nothing at night, on weekends and holidays', () => {
    expect(paris.between(at('2026-05-01T08:00:00+02:00'), at('2026-05-03T20:00:00+02:00'))).toBe(0);
    expect(paris.between(at('2026-05-04T07:00:00+02:00'), at('2026-05-04T19:00:00+02:00'))).toBe(10 * HOUR);
  });

  it('keeps office hours in local time across the DST changes', () => {
    // Sunday 29 March 2026 clocks go forward in Paris: Monday still opens 08:00 local (06:00 UTC).
    expect(new Date(paris.add(at('2026-03-27T17:00:00+01:00'), 2 * HOUR)).toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    // Sunday 25 October 2026 they go back: Monday opens 08:00 local (07:00 UTC).
    expect(new Date(paris.add(at('2026-10-23T17:00:00+02:00'), 2 * HOUR)).toISOString()).toBe(
      '2026-10-26T08:00:00.000Z',
    );
  });

  it('applies a new version from its date only, leaving earlier days as they were', () => {
    const edited = new BusinessCalendar('Europe/Paris', [
      { effectiveFrom: '2000-01-01', rules: FR_2026 },
      {
        effectiveFrom: '2026-06-01',
        rules: { weekly: OFFICE_HOURS, closedDates: [...FR_2026.closedDates, '2026-06-02'] },
      },
    ]);
    const may = [at('2026-05-01T00:00:00Z'), at('2026-06-01T00:00:00Z')] as const;
    expect(edited.between(...may)).toBe(paris.between(...may));
    expect(edited.between(at('2026-06-01T00:00:00Z'), at('2026-06-03T00:00:00Z'))).toBe(10 * HOUR);
  });

  const instant = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z') });
  const zones = fc.constantFrom('Europe/Paris', 'Europe/Zurich', 'America/New_York', 'Asia/Kolkata', 'UTC');
  const hours = fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 600 }))
      .map(([s, l]) => [s, Math.min(1440, s + l)] as [number, number]),
    { maxLength: 2 },
  );
  const rules = fc.record({
    weekly: fc.array(hours, { minLength: 7, maxLength: 7 }),
    closedDates: fc.constant(FR_2026.closedDates),
  });
  const calendar = fc
    .tuple(zones, rules)
    .filter(([, r]) => r.weekly.flat().reduce((sum, [s, e]) => sum + e - s, 0) >= 120)
    .map(([z, r]) => {
      const cal = new BusinessCalendar(z, [{ effectiveFrom: '2000-01-01', rules: r }]);
      // Keep counterexamples readable: print the inputs, not the caches.
      return Object.assign(cal, { [fc.toStringMethod]: () => `${z} ${JSON.stringify(r.weekly)}` });
    });

  it('is additive over any split point and never exceeds wall time (property)', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(cal.between(a, b) + cal.between(b, c)).toBe(cal.between(a, c));
        expect(cal.between(a, c)).toBeLessThanOrEqual(c - a);
        expect(cal.between(a, c)).toBeGreaterThanOrEqual(cal.between(b, c));
      }),
      { numRuns: 150 },
    );
  });

  it('adds then measures back exactly, and later deadlines for longer targets (property)', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 0, max: 200 * HOUR }),
        fc.integer({ min: 0, max: 10 * HOUR }),
        (cal, start, ms, extra) => {
          const due = cal.add(start, ms);
          expect(cal.between(start, due)).toBe(ms);
          expect(cal.add(start, ms + extra)).toBeGreaterThanOrEqual(due);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('equals wall time on a calendar open around the clock (property)', () => {
    const always = new BusinessCalendar('Europe/Paris', [
      {
        effectiveFrom: '2000-01-01',
        rules: { weekly: Array.from({ length: 7 }, () => [[0, 1440]] as [number, number][]), closedDates: [] },
      },
    ]);
    const wall = new WallClock();
    fc.assert(
      fc.property(instant, instant, (x, y) => {
        const [a, b] = x < y ? [x, y] : [y, x];
        expect(always.between(a, b)).toBe(wall.between(a, b));
      }),
      { numRuns: 150 },
    );
  });
});

describe('local times around DST changes', () => {
  it('maps a repeated local time to its first occurrence and a skipped one forward', async () => {
    const { instantOf, dayNumber } = await import('./time-zone.ts');
    expect(new Date(instantOf('Europe/Paris', dayNumber('2026-10-25'), 150)).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(new Date(instantOf('Europe/Paris', dayNumber('2026-03-29'), 150)).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(new Date(instantOf('Europe/Paris', dayNumber('2026-07-01'), 480)).toISOString()).toBe(
      '2026-07-01T06:00:00.000Z',
    );
  });
});
