import { createGrid, type Grid } from './grid';

/**
 * Channel `c` of a feature map stored NHWC without the batch (value of channel c at row r,
 * column x is `data[(r * width + x) * channels + c]`), as a height x width Grid.
 */
export function extractChannel(data: Float32Array, height: number, width: number, channels: number, c: number): Grid {
  if (data.length !== height * width * channels) throw new RangeError(`Expected ${height}x${width}x${channels} values, got ${data.length}`);
  if (!Number.isInteger(c) || c < 0 || c >= channels) throw new RangeError(`Channel ${c} is not in 0..${channels - 1}`);
  const out = new Float32Array(height * width);
  for (let i = 0, j = c; i < out.length; i++, j += channels) out[i] = data[j];
  return createGrid(height, width, out);
}

/**
 * A vector of units laid out row by row in a grid `columns` wide (the last row padded with
 * NaN, which painters leave blank), so that 128 dense units read as a compact 8 x 16 block.
 */
export function vectorAsGrid(data: Float32Array, columns: number): Grid {
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`columns must be a positive integer, got ${columns}`);
  const rows = Math.ceil(data.length / columns);
  const out = new Float32Array(rows * columns).fill(NaN);
  out.set(data);
  return createGrid(rows, columns, out);
}

/** Smallest and largest finite value of an array ([0, 0] when there is none). */
export function finiteRange(data: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === Infinity ? [0, 0] : [lo, hi];
}
