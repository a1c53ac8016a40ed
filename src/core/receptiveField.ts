/**
 * Receptive fields: which cells of every earlier layer one cell of a feature map depends on.
 *
 * A network's spatial part is a stack of sliding-window operations (convolutions and
 * poolings; activations are 1x1 windows). Each is square and acts on rows and columns alike,
 * so the cells a cell depends on are always (set of rows) x (set of columns), and each axis
 * can be traced on its own. Output index o of an operation with kernel k, stride s and
 * `padBefore` p reads input indices o*s - p ... o*s - p + k - 1; indices below 0 or at or past
 * the input length are zero padding and depend on nothing.
 */

import { samePadding } from './convolve';

/** One sliding-window operation, the same along rows and columns. */
export interface WindowOp {
  /** Window side (>= 1). */
  readonly kernel: number;
  /** Step between windows (>= 1). */
  readonly stride: number;
  /** Zero-padding cells before the first input cell (top / left, >= 0). */
  readonly padBefore: number;
  /** Zero-padding cells after the last input cell (bottom / right, >= 0). */
  readonly padAfter: number;
}

/** An operation that changes nothing about positions (an activation function). */
export const IDENTITY_OP: WindowOp = Object.freeze({ kernel: 1, stride: 1, padBefore: 0, padAfter: 0 });

/** Padding with no zeros ('valid'). */
export function validOp(kernel: number, stride: number): WindowOp {
  return { kernel, stride, padBefore: 0, padAfter: 0 };
}

/** TensorFlow's 'same' padding for an input of length n (see {@link samePadding}). */
export function sameOp(n: number, kernel: number, stride: number): WindowOp {
  const { before, after } = samePadding(n, kernel, stride);
  return { kernel, stride, padBefore: before, padAfter: after };
}

/** Output length of `op` on an input of length n: floor((n + padBefore + padAfter - kernel) / stride) + 1 (0 if negative). */
export function windowOutputSize(n: number, op: WindowOp): number {
  const span = n + op.padBefore + op.padAfter - op.kernel;
  return span < 0 ? 0 : Math.floor(span / op.stride) + 1;
}

/** The cells of one layer, along one axis, that the traced cell depends on. */
export interface AxisRegion {
  /** Length of the layer along this axis. */
  readonly size: number;
  /** Every index the traced cell depends on, ascending (0-based). */
  readonly indices: readonly number[];
  /** Smallest and largest index of `indices` (the bounding span, inclusive). */
  readonly first: number;
  readonly last: number;
  /** True when every index from first to last is a dependency (no gaps, as when stride <= kernel). */
  readonly contiguous: boolean;
  /** Zero-padding cells the windows reached before index 0 and after index size - 1 (0 for the traced layer). */
  readonly padBefore: number;
  readonly padAfter: number;
}

/** The region of one layer: rows x columns. */
export interface LayerRegion {
  readonly rows: AxisRegion;
  readonly cols: AxisRegion;
}

function checkOp(op: WindowOp, i: number): void {
  const ok = [op.kernel, op.stride].every((v) => Number.isInteger(v) && v >= 1) && [op.padBefore, op.padAfter].every((v) => Number.isInteger(v) && v >= 0);
  if (!ok) throw new RangeError(`operation ${i + 1}: kernel and stride must be whole numbers >= 1 and padding >= 0`);
}

/** Lengths of every layer along one axis: sizes[0] = n (the input), sizes[i + 1] = output of ops[i]. */
export function layerSizes(n: number, ops: readonly WindowOp[]): number[] {
  const sizes = [n];
  ops.forEach((op, i) => {
    checkOp(op, i);
    sizes.push(windowOutputSize(sizes[i], op));
  });
  return sizes;
}

function traceAxis(sizes: readonly number[], ops: readonly WindowOp[], index: number): AxisRegion[] {
  const layer = ops.length;
  const regions: AxisRegion[] = new Array(layer + 1);
  let indices = [index];
  regions[layer] = { size: sizes[layer], indices, first: index, last: index, contiguous: true, padBefore: 0, padAfter: 0 };
  for (let l = layer - 1; l >= 0; l--) {
    const op = ops[l];
    const n = sizes[l];
    const seen = new Set<number>();
    let lowest = Infinity;
    let highest = -Infinity;
    for (const o of indices) {
      const start = o * op.stride - op.padBefore;
      lowest = Math.min(lowest, start);
      highest = Math.max(highest, start + op.kernel - 1);
      for (let i = Math.max(0, start); i <= Math.min(n - 1, start + op.kernel - 1); i++) seen.add(i);
    }
    indices = [...seen].sort((a, b) => a - b);
    const first = indices.length ? indices[0] : -1;
    const last = indices.length ? indices[indices.length - 1] : -1;
    regions[l] = {
      size: n,
      indices,
      first,
      last,
      contiguous: indices.length === last - first + 1,
      padBefore: Math.max(0, -lowest),
      padAfter: Math.max(0, highest - (n - 1)),
    };
  }
  return regions;
}

/**
 * Traces cell (row, col) of the layer after `ops` (layer index ops.length; layer 0 is the
 * input) back through every operation, and returns the region it depends on in every layer,
 * from the input (index 0) to the traced layer itself (the single cell).
 *
 * @param inputHeight, inputWidth input size (integers >= 1)
 * @param ops the window operations, input first (same along rows and columns)
 * @param row, col 0-based cell of the last layer
 * @throws RangeError on a bad operation, or a cell outside the last layer
 */
export function traceReceptiveField(inputHeight: number, inputWidth: number, ops: readonly WindowOp[], row: number, col: number): LayerRegion[] {
  const heights = layerSizes(inputHeight, ops);
  const widths = layerSizes(inputWidth, ops);
  const h = heights[ops.length];
  const w = widths[ops.length];
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || row >= h || col >= w) {
    throw new RangeError(`cell (${row}, ${col}) is outside the ${h}x${w} map`);
  }
  const rows = traceAxis(heights, ops, row);
  const cols = traceAxis(widths, ops, col);
  return rows.map((r, i) => ({ rows: r, cols: cols[i] }));
}
