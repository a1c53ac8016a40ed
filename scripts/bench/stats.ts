/** Summary statistics for benchmark samples (pure; used in node and in the bench page). */

/** A latency distribution in milliseconds. */
export interface Distribution {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  readonly max: number;
}

/**
 * The nearest-rank percentile `p` (0..100) of `values`: the smallest sample with at least
 * p% of the samples at or below it. NaN for no samples.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** The median of `values` (nearest rank). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Count, p50, p95, mean and max of `values`. */
export function distribution(values: readonly number[]): Distribution {
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    mean: values.length ? sum / values.length : NaN,
    max: values.length ? Math.max(...values) : NaN,
  };
}
