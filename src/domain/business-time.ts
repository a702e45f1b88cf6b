import { DAY, dayNumber, instantOf, isoDate, localDayOf } from './time-zone.ts';

/** Opening intervals of one weekday, in minutes after local midnight, e.g. [[480, 1080]]. */
export type DayHours = [number, number][];

/** The rules of a calendar version: hours per weekday (index 0 = Sunday) and closed dates. */
export interface CalendarRules {
  weekly: DayHours[];
  /** Local dates (`YYYY-MM-DD`) with no opening hours: public holidays and extra closures. */
  closedDates: string[];
}

/** A version of a calendar, in force from a local date on until the next version. */
export interface CalendarVersion {
  effectiveFrom: string;
  rules: CalendarRules;
}

/** 08:00–18:00 Monday to Friday (SLA-3 default). */
export const OFFICE_HOURS: DayHours[] = [
  [],
  [[480, 1080]],
  [[480, 1080]],
  [[480, 1080]],
  [[480, 1080]],
  [[480, 1080]],
  [],
];

interface Day {
  /** Opening intervals as UTC instants. */
  open: [number, number][];
  total: number;
}

/** Business-time arithmetic in one time zone over versioned rules (SLA-3). Pure and deterministic. */
export class BusinessCalendar {
  private readonly versions: { from: number; rules: CalendarRules; closed: Set<string> }[];
  private readonly days = new Map<number, Day>();
  private base = 0;
  private cumulative: number[] = [0];

  constructor(
    readonly timeZone: string,
    versions: CalendarVersion[],
  ) {
    if (versions.length === 0) throw new Error('a calendar needs at least one version');
    this.versions = versions
      .map((v) => ({ from: dayNumber(v.effectiveFrom), rules: v.rules, closed: new Set(v.rules.closedDates) }))
      .sort((a, b) => a.from - b.from);
  }

  /** The opening intervals of a local day, under the version in force that day. */
  private day(day: number): Day {
    const cached = this.days.get(day);
    if (cached) return cached;
    const version = this.versions.findLast((v) => v.from <= day) ?? this.versions[0]!;
    const hours = version.closed.has(isoDate(day)) ? [] : (version.rules.weekly[(((day + 4) % 7) + 7) % 7] ?? []);
    const open = merge(
      hours.map(([s, e]) => [instantOf(this.timeZone, day, s), instantOf(this.timeZone, day, e)] as [number, number]),
    );
    const computed = { open, total: open.reduce((sum, [s, e]) => sum + e - s, 0) };
    this.days.set(day, computed);
    return computed;
  }

  /** Business milliseconds of all days in [base, day), extending the prefix sums as needed. */
  private before(day: number): number {
    if (this.cumulative.length === 1 && this.base === 0) this.base = day - 366;
    if (day < this.base) {
      const start = day - 366;
      const prefix: number[] = [0];
      for (let d = start; d < this.base; d++) prefix.push(prefix.at(-1)! + this.day(d).total);
      const shift = prefix.at(-1)!;
      this.cumulative = [...prefix.slice(0, -1), ...this.cumulative.map((c) => c + shift)];
      this.base = start;
    }
    while (this.base + this.cumulative.length - 1 < day) {
      const d = this.base + this.cumulative.length - 1;
      this.cumulative.push(this.cumulative.at(-1)! + this.day(d).total);
    }
    return this.cumulative[day - this.base]!;
  }

  /** Business milliseconds between two instants (0 when b ≤ a). */
  between(a: number, b: number): number {
    if (b <= a) return 0;
    const first = localDayOf(this.timeZone, a);
    const last = localDayOf(this.timeZone, b);
    if (first === last) return overlap(this.day(first).open, a, b);
    // The lower prefix first: it may extend the sums backwards, which rebases them.
    const lower = this.before(first + 1);
    const upper = this.before(last);
    return overlap(this.day(first).open, a, Infinity) + upper - lower + overlap(this.day(last).open, -Infinity, b);
  }

  /** The instant at which `ms` business milliseconds have passed since `start`. */
  add(start: number, ms: number): number {
    let remaining = ms;
    let day = localDayOf(this.timeZone, start);
    for (let guard = 0; guard < 3660; guard++, day++) {
      const { open, total } = this.day(day);
      if (total === 0) continue;
      for (const [s, e] of open) {
        const from = Math.max(s, start);
        if (from >= e) continue;
        if (e - from >= remaining) return from + remaining;
        remaining -= e - from;
      }
    }
    throw new Error('calendar has no opening hours within ten years');
  }
}

/** Sorted, non-overlapping, non-empty intervals. */
function merge(intervals: [number, number][]): [number, number][] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function overlap(open: [number, number][], a: number, b: number): number {
  let sum = 0;
  for (const [s, e] of open) sum += Math.max(0, Math.min(e, b) - Math.max(s, a));
  return sum;
}

/** A calendar that is always open (24×7 on-call coverage). */
export class WallClock {
  between(a: number, b: number): number {
    return Math.max(0, b - a);
  }

  add(start: number, ms: number): number {
    return start + ms;
  }
}

export type Clock = Pick<BusinessCalendar, 'between' | 'add'>;

export { DAY };
