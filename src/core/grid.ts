/**
 * A single-channel 2-D map of numbers, stored row-major: the value at row `r`, column `c`
 * is `data[r * width + c]`. Every map in ConvLens (input digit, kernel, feature map, pooled
 * map) is a Grid, so one painter and one set of helpers serve them all.
 */
export interface Grid {
  readonly data: Float32Array;
  readonly height: number;
  readonly width: number;
}

/**
 * Equally sized maps stacked channel-last (a layer's output without the batch dimension,
 * NHWC): the value of channel `c` at row `r`, column `x` is `data[(r * width + x) * channels + c]`.
 * A Grid is the case of one channel.
 */
export interface FeatureMaps {
  readonly data: Float32Array;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

/** Side of an MNIST image, in pixels. */
export const MNIST_SIDE = 28;
/** Number of pixels of an MNIST image (28 x 28). */
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;

/**
 * An MNIST-style digit: a 28x28 Grid of grey levels in [0, 1], white (1) ink on black (0).
 * This is the one input type every source (sample, drawing, upload) is turned into.
 */
export type Image28 = Grid;

/**
 * Makes a Grid of the given shape. Without `data` it is filled with zeros; with `data`, its
 * length must be `height * width` (the array is used as is, not copied).
 */
export function createGrid(height: number, width: number, data?: Float32Array): Grid {
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 0 || width < 0) {
    throw new RangeError(`Invalid grid shape ${height}x${width}`);
  }
  const values = data ?? new Float32Array(height * width);
  if (values.length !== height * width) {
    throw new RangeError(`Grid data has ${values.length} values, expected ${height}x${width}`);
  }
  return { data: values, height, width };
}

/** Builds a Grid from nested rows (handy for kernels and tests): `[[1,2],[3,4]]`. */
export function gridFromRows(rows: readonly (readonly number[])[]): Grid {
  const height = rows.length;
  const width = height > 0 ? rows[0].length : 0;
  const data = new Float32Array(height * width);
  rows.forEach((row, r) => {
    if (row.length !== width) throw new RangeError('All rows must have the same length');
    row.forEach((v, c) => {
      data[r * width + c] = v;
    });
  });
  return createGrid(height, width, data);
}

/** The rows of a Grid as nested plain arrays (for display and tests). */
export function gridToRows(grid: Grid): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r < grid.height; r++) {
    rows.push(Array.from(grid.data.subarray(r * grid.width, (r + 1) * grid.width)));
  }
  return rows;
}

/** Smallest and largest value of a Grid ([0, 0] for an empty one). */
export function gridRange(grid: Grid): [number, number] {
  if (grid.data.length === 0) return [0, 0];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of grid.data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** A copy of `grid` with a border of `padding` zero cells on all four sides (integer >= 0). */
export function padGrid(grid: Grid, padding: number): Grid {
  if (!Number.isInteger(padding) || padding < 0) throw new RangeError(`padding must be a non-negative integer, got ${padding}`);
  const width = grid.width + 2 * padding;
  const out = createGrid(grid.height + 2 * padding, width);
  for (let r = 0; r < grid.height; r++) {
    out.data.set(grid.data.subarray(r * grid.width, (r + 1) * grid.width), (r + padding) * width + padding);
  }
  return out;
}

/**
 * The rectangle of `grid` from row `top`, column `left`, `height` x `width` cells, as a new
 * grid; the rectangle is clipped to the grid (never empty when its corner is inside).
 */
export function cropGrid(grid: Grid, top: number, left: number, height: number, width: number): Grid {
  const r0 = Math.max(0, Math.floor(top));
  const c0 = Math.max(0, Math.floor(left));
  const r1 = Math.min(grid.height, Math.floor(top + height));
  const c1 = Math.min(grid.width, Math.floor(left + width));
  const h = Math.max(0, r1 - r0);
  const w = Math.max(0, c1 - c0);
  const out = new Float32Array(h * w);
  for (let r = 0; r < h; r++) out.set(grid.data.subarray((r0 + r) * grid.width + c0, (r0 + r) * grid.width + c0 + w), r * w);
  return createGrid(h, w, out);
}
