/**
 * The positions of the k largest values of one column of a row-major table (rows of `stride`
 * values; the column is `offset`), largest first; equal values keep the lower row first.
 * NaN never counts as large. Returns fewer than k positions when the table has fewer rows.
 */
export function topRows(values: ArrayLike<number>, stride: number, offset: number, k: number): number[] {
  if (!Number.isInteger(stride) || stride < 1 || !Number.isInteger(offset) || offset < 0 || offset >= stride) {
    throw new RangeError(`column ${offset} is not in rows of ${stride}`);
  }
  const rows = Math.floor(values.length / stride);
  const top: number[] = [];
  const at = (r: number) => values[r * stride + offset];
  for (let r = 0; r < rows; r++) {
    const v = at(r);
    if (Number.isNaN(v)) continue;
    if (top.length === k && !(v > at(top[k - 1]))) continue;
    let i = Math.min(top.length, k - 1);
    if (top.length < k) top.push(r);
    while (i > 0 && v > at(top[i - 1])) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = r;
  }
  return top;
}
