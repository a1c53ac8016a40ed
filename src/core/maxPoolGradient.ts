/**
 * The gradient of max pooling on plain NHWC arrays: each output cell's gradient goes to the
 * input cell that was the maximum of its window (the first in row-major order on ties, as
 * TensorFlow does); padding cells never win. Every other input cell gets 0.
 */
import { checkArrayLengths } from './arrayLengths';

/** The sizes of one pooling (channels pass through unchanged). */
export interface PoolGeometry {
  readonly batch: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly channels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly windowHeight: number;
  readonly windowWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  /** Rows of padding above the input. */
  readonly padTop: number;
  /** Columns of padding left of the input. */
  readonly padLeft: number;
}

const POSITIVE: readonly (keyof PoolGeometry)[] = [
  'batch',
  'inHeight',
  'inWidth',
  'channels',
  'outHeight',
  'outWidth',
  'windowHeight',
  'windowWidth',
  'strideHeight',
  'strideWidth',
];

function checkGeometry(g: PoolGeometry, input: ArrayLike<number>, dy: ArrayLike<number>, out: ArrayLike<number>): void {
  for (const key of POSITIVE) {
    if (!Number.isInteger(g[key]) || g[key] < 1) throw new Error(`Pooling ${key} must be a whole number of at least 1 (got ${g[key]}).`);
  }
  if (!Number.isInteger(g.padTop) || !Number.isInteger(g.padLeft) || g.padTop < 0 || g.padLeft < 0) {
    throw new Error(`Pooling padding must be whole numbers of at least 0 (got top ${g.padTop}, left ${g.padLeft}).`);
  }
  const inputSize = g.batch * g.inHeight * g.inWidth * g.channels;
  checkArrayLengths('this pooling', [
    ['input', input.length, inputSize],
    ['output gradient', dy.length, g.batch * g.outHeight * g.outWidth * g.channels],
    ['input gradient', out.length, inputSize],
  ]);
}

/**
 * Writes dLoss/dInput into `out` (the input's size and layout) and returns it; a new array
 * when `out` is omitted. A window with no number in it (all NaN) passes no gradient.
 */
export function maxPoolGradient(
  input: ArrayLike<number>,
  dy: ArrayLike<number>,
  g: PoolGeometry,
  out: Float32Array = new Float32Array(g.batch * g.inHeight * g.inWidth * g.channels),
): Float32Array {
  checkGeometry(g, input, dy, out);
  out.fill(0);
  const C = g.channels;
  // The best value and its position for each channel of the current window, found by
  // walking the window's cells in row-major order with the channels innermost (contiguous).
  const best = new Float64Array(C);
  const bestAt = new Int32Array(C);
  for (let n = 0; n < g.batch; n++) {
    for (let oy = 0; oy < g.outHeight; oy++) {
      const top = oy * g.strideHeight - g.padTop;
      const yFrom = Math.max(0, top);
      const yTo = Math.min(g.inHeight, top + g.windowHeight);
      for (let ox = 0; ox < g.outWidth; ox++) {
        const left = ox * g.strideWidth - g.padLeft;
        const xFrom = Math.max(0, left);
        const xTo = Math.min(g.inWidth, left + g.windowWidth);
        best.fill(-Infinity);
        bestAt.fill(-1);
        for (let y = yFrom; y < yTo; y++) {
          for (let x = xFrom; x < xTo; x++) {
            const cell = ((n * g.inHeight + y) * g.inWidth + x) * C;
            for (let c = 0; c < C; c++) {
              const value = input[cell + c];
              if (value > best[c] || (bestAt[c] < 0 && value === -Infinity)) {
                best[c] = value;
                bestAt[c] = cell + c;
              }
            }
          }
        }
        const dyAt = ((n * g.outHeight + oy) * g.outWidth + ox) * C;
        for (let c = 0; c < C; c++) if (bestAt[c] >= 0) out[bestAt[c]] += dy[dyAt + c];
      }
    }
  }
  return out;
}
