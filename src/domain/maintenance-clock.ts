import type { Clock } from './business-time.ts';

/** A clock that stops during scheduled maintenance windows (SLA-3). Windows are [start, end) instants. */
export class ExcludingClock implements Clock {
  private readonly windows: [number, number][];

  constructor(
    private readonly base: Clock,
    windows: [number, number][],
  ) {
    const sorted = windows.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
    this.windows = [];
    for (const [s, e] of sorted) {
      const last = this.windows.at(-1);
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else this.windows.push([s, e]);
    }
  }

  between(a: number, b: number): number {
    let total = this.base.between(a, b);
    for (const [s, e] of this.windows) {
      if (e <= a) continue;
      if (s >= b) break;
      total -= this.base.between(Math.max(a, s), Math.min(b, e));
    }
    return total;
  }

  add(start: number, ms: number): number {
    let at = start;
    let remaining = ms;
    for (const [s, e] of this.windows) {
      if (e <= at) continue;
      const before = this.base.between(at, s);
      if (before >= remaining) break;
      remaining -= before;
      at = Math.max(at, e);
    }
    return this.base.add(at, remaining);
  }
}

/** A maintenance window's status: `scheduled` (one party's own), or a joint window's proposal and its outcome (REL-2). */
export const WINDOW_STATUSES = ['scheduled', 'proposed', 'accepted', 'refused', 'withdrawn'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];
/** COL-5: the windows on a party's calendar and in its feed: in force or still proposed (not refused or withdrawn). */
export const CALENDAR_WINDOW_STATUSES: readonly WindowStatus[] = ['scheduled', 'accepted', 'proposed'];
