import { describe, expect, it } from 'vitest';
import { availability } from './availability.ts';

const H = 3_600_000;
const from = Date.parse('2026-04-01T00:00:00Z');
const to = Date.parse('2026-05-01T00:00:00Z');

describe('availability (SLA-6)', () => {
  it('starts an outage at the earliest of detection and report and excludes maintenance', () => {
    const result = availability(
      [{ detectedAt: from + 10 * H, reportedAt: from + 9 * H, restoredAt: from + 12 * H }],
      [[from + 11 * H, from + 13 * H]],
      from,
      to,
      to + H,
    );
    expect(result.downtimeMs).toBe(2 * H);
    expect(result.periodMs).toBe(30 * 24 * H - 2 * H);
    expect(result.pct).toBeCloseTo(100 * (1 - 2 / 718), 3);
  });

  it('counts a running outage up to now, overlapping outages once, and clips to the month', () => {
    const result = availability(
      [
        { detectedAt: from - 5 * H, reportedAt: null, restoredAt: from + H },
        { detectedAt: null, reportedAt: from + 30 * H, restoredAt: null },
        { detectedAt: from + 31 * H, reportedAt: null, restoredAt: from + 32 * H },
      ],
      [],
      from,
      to,
      from + 34 * H,
    );
    expect(result.downtimeMs).toBe(H + 4 * H);
    expect(result.periodMs).toBe(34 * H);
  });
});
