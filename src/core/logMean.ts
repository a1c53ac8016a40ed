/**
 * The geometric mean of the positive values: the middle of a line drawn on a log scale. Zero and
 * negative values are left out; NaN when no value is positive.
 */
export function logMean(values: readonly number[]): number {
  const positive = values.filter((v) => v > 0);
  return positive.length ? Math.exp(positive.reduce((s, v) => s + Math.log(v), 0) / positive.length) : NaN;
}
