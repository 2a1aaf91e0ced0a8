// What the sharing benches' load generators report (the Node clients, the raw-socket open loop, wrk).

/** What a load run measured. */
export interface LoadResult {
  count: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  bytes: number;
  lines: number;
  ms: number;
  firstError?: string;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** A run's result from its latencies (sorted, ms), errors and duration. */
export function summary(sorted: number[], errors: number, ms: number, firstError?: string): LoadResult {
  return {
    count: sorted.length,
    errors,
    perSecond: (sorted.length * 1000) / ms,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    bytes: 0,
    lines: 0,
    ms,
    ...(firstError ? { firstError } : {}),
  };
}
