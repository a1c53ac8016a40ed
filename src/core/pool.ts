import { argmax, argmin } from './argmax';
import { createGrid, type FeatureMaps, type Grid } from './grid';

/** The reduction a pooling window applies to its cells. */
export type PoolKind = 'max' | 'average' | 'min';

/**
 * How the last, incomplete windows are handled:
 * - `'valid'`: dropped; output = floor((n - size) / stride) + 1 (0 if n < size);
 * - `'same'`: the grid is zero-padded at the bottom/right just enough that
 *   output = ceil(n / stride), the same output size as TensorFlow's 'same' pooling.
 *   (TensorFlow may split that padding between top/left and bottom/right and ignores padded
 *   cells; ConvLens pads only the bottom/right and counts padded cells as zeros, as the
 *   article's "zero padding" describes. For size 2, stride 2 both place the padding alike.)
 */
export type PoolPadding = 'valid' | 'same';

/** Pooling settings: square windows of `size` cells, moved by `stride` (both integers >= 1). */
export interface PoolOptions {
  kind: PoolKind;
  size: number;
  stride: number;
  padding: PoolPadding;
}

/** The article's pooling: the maximum of each 2x2 block, which halves the map. */
export const DEFAULT_POOL: PoolOptions = Object.freeze({ kind: 'max', size: 2, stride: 2, padding: 'valid' }) as PoolOptions;

/** One cell of a pooling window (see {@link poolWindowAt}). */
export interface PoolWindowCell {
  /** Row in the input grid; >= grid.height means a padding cell. */
  row: number;
  /** Column in the input grid; >= grid.width means a padding cell. */
  col: number;
  /** True when the cell lies inside the grid (not zero padding). */
  inside: boolean;
  /** The grid value, or 0 for a padding cell. */
  value: number;
}

/** One pooling window, its result, and which cell was chosen (see {@link poolWindowAt}). */
export interface PoolWindowExplanation {
  outRow: number;
  outCol: number;
  /** The size * size window cells, in row-major order. */
  cells: PoolWindowCell[];
  /** The pooled value: the output of pool2d at (outRow, outCol). */
  result: number;
  /** Index into `cells` of the max/min cell (the first in row-major order on ties); null for average. */
  chosenIndex: number | null;
}

function checkPoolOptions(opts: PoolOptions): void {
  if (!Number.isInteger(opts.size) || opts.size < 1) throw new RangeError(`pool size must be a positive integer, got ${opts.size}`);
  if (!Number.isInteger(opts.stride) || opts.stride < 1) throw new RangeError(`pool stride must be a positive integer, got ${opts.stride}`);
}

/**
 * Number of pooled cells along an axis of length `n` (integer >= 0):
 * `'valid'` -> floor((n - size) / stride) + 1, or 0 if n < size;
 * `'same'` -> ceil(n / stride).
 * @throws RangeError on a non-integer or non-positive size or stride, or a bad n
 */
export function poolOutputSize(n: number, opts: PoolOptions): number {
  checkPoolOptions(opts);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (opts.padding === 'same') return Math.ceil(n / opts.stride);
  return n < opts.size ? 0 : Math.floor((n - opts.size) / opts.stride) + 1;
}

/**
 * Pools every channel of channel-last maps with square windows. Window (i, j) covers rows
 * i*stride .. i*stride+size-1 and the matching columns. With `'same'` padding, window cells
 * beyond the bottom/right edge are zero-padding cells and count as the value 0 in max, min
 * AND average (the average is always over the full size*size window): that is what zero
 * padding means in the article. Averages are summed in double precision.
 *
 * @param input H x W x C maps
 * @param opts kind, window size, stride and padding
 * @returns new poolOutputSize(H) x poolOutputSize(W) x C maps
 */
export function poolMaps(input: FeatureMaps, opts: PoolOptions): FeatureMaps {
  const outH = poolOutputSize(input.height, opts);
  const outW = poolOutputSize(input.width, opts);
  const { size, stride, kind } = opts;
  const { height: inH, width: inW, channels, data: src } = input;
  if (src.length !== inH * inW * channels) throw new RangeError(`Expected ${inH}x${inW}x${channels} values, got ${src.length}`);
  const out = new Float32Array(outH * outW * channels);
  const windowArea = size * size;

  for (let outRow = 0; outRow < outH; outRow++) {
    const top = outRow * stride;
    const endRow = Math.min(top + size, inH);
    for (let outCol = 0; outCol < outW; outCol++) {
      const left = outCol * stride;
      const endCol = Math.min(left + size, inW);
      // Any part of the window past the edge is zero padding: it contributes a 0.
      const hasPadding = endRow - top < size || endCol - left < size;
      const outCell = (outRow * outW + outCol) * channels;
      for (let ch = 0; ch < channels; ch++) {
        let result: number;
        if (kind === 'average') {
          let sum = 0;
          for (let r = top; r < endRow; r++) {
            for (let c = left; c < endCol; c++) sum += src[(r * inW + c) * channels + ch];
          }
          result = sum / windowArea;
        } else if (kind === 'max') {
          result = hasPadding ? 0 : -Infinity;
          for (let r = top; r < endRow; r++) {
            for (let c = left; c < endCol; c++) {
              const v = src[(r * inW + c) * channels + ch];
              if (v > result) result = v;
            }
          }
        } else {
          result = hasPadding ? 0 : Infinity;
          for (let r = top; r < endRow; r++) {
            for (let c = left; c < endCol; c++) {
              const v = src[(r * inW + c) * channels + ch];
              if (v < result) result = v;
            }
          }
        }
        out[outCell + ch] = result;
      }
    }
  }
  return { data: out, height: outH, width: outW, channels };
}

/**
 * Pools a Grid with square windows: {@link poolMaps} with one channel.
 *
 * @param grid any H x W Grid (row-major)
 * @param opts kind, window size, stride and padding
 * @returns a new poolOutputSize(H) x poolOutputSize(W) Grid
 */
export function pool2d(grid: Grid, opts: PoolOptions): Grid {
  const pooled = poolMaps({ ...grid, channels: 1 }, opts);
  return createGrid(pooled.height, pooled.width, pooled.data);
}

/**
 * Explains one output cell of {@link pool2d}: the window's cells (padding cells have value
 * 0), the pooled result, and for max/min the index of the chosen cell (the first one in
 * row-major order when several cells tie).
 *
 * @param grid H x W Grid
 * @param opts pooling options, as for pool2d
 * @param outRow output row, 0 <= outRow < poolOutputSize(H)
 * @param outCol output column, 0 <= outCol < poolOutputSize(W)
 * @throws RangeError if (outRow, outCol) is outside the output
 */
export function poolWindowAt(grid: Grid, opts: PoolOptions, outRow: number, outCol: number): PoolWindowExplanation {
  const outH = poolOutputSize(grid.height, opts);
  const outW = poolOutputSize(grid.width, opts);
  if (!Number.isInteger(outRow) || !Number.isInteger(outCol) || outRow < 0 || outCol < 0 || outRow >= outH || outCol >= outW) {
    throw new RangeError(`Output cell (${outRow}, ${outCol}) is outside the ${outH}x${outW} pooled map`);
  }
  const { size, stride, kind } = opts;
  const cells: PoolWindowCell[] = [];
  for (let dr = 0; dr < size; dr++) {
    for (let dc = 0; dc < size; dc++) {
      const row = outRow * stride + dr;
      const col = outCol * stride + dc;
      const inside = row < grid.height && col < grid.width;
      cells.push({ row, col, inside, value: inside ? grid.data[row * grid.width + col] : 0 });
    }
  }

  if (kind === 'average') {
    const sum = cells.reduce((total, cell) => total + cell.value, 0);
    return { outRow, outCol, cells, result: Math.fround(sum / cells.length), chosenIndex: null };
  }
  const values = cells.map((cell) => cell.value);
  const chosenIndex = kind === 'max' ? argmax(values) : argmin(values);
  return { outRow, outCol, cells, result: cells[chosenIndex].value, chosenIndex };
}
