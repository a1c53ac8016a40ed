/**
 * The position of the largest (or smallest) value: the predicted class of a probability or
 * logit vector, the cell a max- or min-pooling window chooses.
 */

/** The first index in [start, end) whose `sign * value` is largest; -1 for an empty range. */
function firstExtreme(values: ArrayLike<number>, start: number, end: number, sign: 1 | -1): number {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > values.length) {
    throw new RangeError(`${start}..${end} is not a range of ${values.length} values`);
  }
  if (end <= start) return -1;
  let best = start;
  // Negating is exact, so -a > -b exactly when a < b: one loop serves both directions.
  let bestValue = sign * values[start];
  for (let i = start + 1; i < end; i++) {
    const v = sign * values[i];
    if (v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

/**
 * The index of the largest value among `values[start..end)` (the first one on ties), counted
 * from the start of `values`; -1 when the range is empty. A NaN is never larger than anything,
 * nor anything larger than it.
 *
 * @throws RangeError when start..end is not a whole-number range inside `values`
 */
export function argmax(values: ArrayLike<number>, start = 0, end = values.length): number {
  return firstExtreme(values, start, end, 1);
}

/** The index of the smallest value among `values[start..end)` (the first one on ties); see {@link argmax}. */
export function argmin(values: ArrayLike<number>, start = 0, end = values.length): number {
  return firstExtreme(values, start, end, -1);
}
