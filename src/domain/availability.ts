/** Merges intervals and clips them to [from, to). */
export function clipAndMerge(intervals: [number, number][], from: number, to: number): [number, number][] {
  const clipped = intervals
    .map(([s, e]) => [Math.max(s, from), Math.min(e, to)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of clipped) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function length(intervals: [number, number][]): number {
  return intervals.reduce((sum, [s, e]) => sum + e - s, 0);
}

/** Parts of `intervals` not covered by `holes` (both merged). */
export function subtract(intervals: [number, number][], holes: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of intervals) {
    let cursor = s;
    for (const [hs, he] of holes) {
      if (he <= cursor || hs >= e) continue;
      if (hs > cursor) out.push([cursor, hs]);
      cursor = Math.max(cursor, he);
    }
    if (cursor < e) out.push([cursor, e]);
  }
  return out;
}

export interface OutageSpan {
  detectedAt: number | null;
  reportedAt: number | null;
  restoredAt: number | null;
}

/**
 * SLA-6: availability of a service over [from, to), on a 24×7 basis with scheduled
 * maintenance excluded from both the downtime and the period. An outage starts at the
 * earliest of monitoring detection and user report and ends at full restoration (`now`
 * while it lasts).
 */
export function availability(
  outages: OutageSpan[],
  maintenance: [number, number][],
  from: number,
  to: number,
  now: number,
) {
  const end = Math.min(to, now);
  const holes = clipAndMerge(maintenance, from, end);
  const down = clipAndMerge(
    outages.flatMap((o) => {
      const starts = [o.detectedAt, o.reportedAt].filter((t): t is number => t !== null);
      return starts.length === 0 ? [] : [[Math.min(...starts), o.restoredAt ?? now] as [number, number]];
    }),
    from,
    end,
  );
  const downtimeMs = length(subtract(down, holes));
  // A month still running is measured up to now.
  const periodMs = end - from - length(holes);
  return {
    downtimeMs,
    periodMs,
    pct: periodMs <= 0 ? 100 : Math.round((1 - downtimeMs / periodMs) * 1_000_000) / 10_000,
  };
}
