/** Nearest-rank percentile (p in 0..100) of a list of samples; 0 for an empty list. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Rounds to one decimal, for figures in the report. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** p50/p99/max of a list of latencies in milliseconds, rounded. */
export function summarise(samples: readonly number[]) {
  return {
    n: samples.length,
    p50: round1(percentile(samples, 50)),
    p99: round1(percentile(samples, 99)),
    max: round1(percentile(samples, 100)),
  };
}
