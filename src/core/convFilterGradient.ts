/**
 * The gradient of a 2-D convolution's loss with respect to its filter, on plain arrays
 * (NHWC input, [height, width, in, out] filter), for backends that lack it. For every
 * filter cell (fy, fx, c, f) it sums, over the batch and every output position,
 * input(n, oy * strideY + fy * dilationY - padTop, ox * strideX + fx * dilationX - padLeft, c)
 * times the output gradient dy(n, oy, ox, f); input cells outside the image (padding) are 0.
 */
import { checkArrayLengths } from './arrayLengths';

/** The sizes of one convolution, as a backend's convolution info gives them. */
export interface ConvGeometry {
  readonly batch: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly inChannels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly outChannels: number;
  readonly filterHeight: number;
  readonly filterWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly dilationHeight: number;
  readonly dilationWidth: number;
  /** Zero rows above the input ('same' padding puts the odd one below). */
  readonly padTop: number;
  /** Zero columns left of the input. */
  readonly padLeft: number;
}

const POSITIVE: readonly (keyof ConvGeometry)[] = [
  'batch',
  'inHeight',
  'inWidth',
  'inChannels',
  'outHeight',
  'outWidth',
  'outChannels',
  'filterHeight',
  'filterWidth',
  'strideHeight',
  'strideWidth',
  'dilationHeight',
  'dilationWidth',
];

function checkGeometry(g: ConvGeometry, input: ArrayLike<number>, dy: ArrayLike<number>, out: ArrayLike<number>): void {
  for (const key of POSITIVE) {
    if (!Number.isInteger(g[key]) || g[key] < 1) throw new Error(`Convolution ${key} must be a whole number of at least 1 (got ${g[key]}).`);
  }
  if (!Number.isInteger(g.padTop) || !Number.isInteger(g.padLeft) || g.padTop < 0 || g.padLeft < 0) {
    throw new Error(`Convolution padding must be whole numbers of at least 0 (got top ${g.padTop}, left ${g.padLeft}).`);
  }
  checkArrayLengths('this convolution', [
    ['input', input.length, g.batch * g.inHeight * g.inWidth * g.inChannels],
    ['output gradient', dy.length, g.batch * g.outHeight * g.outWidth * g.outChannels],
    ['filter gradient', out.length, g.filterHeight * g.filterWidth * g.inChannels * g.outChannels],
  ]);
}

/**
 * Writes dLoss/dFilter into `out` (length filterHeight * filterWidth * inChannels *
 * outChannels, laid out [fy][fx][c][f]) and returns it; a new array when `out` is omitted.
 * Zero inputs (common after ReLU) are skipped, which changes nothing but the time taken.
 */
export function convFilterGradient(
  input: ArrayLike<number>,
  dy: ArrayLike<number>,
  g: ConvGeometry,
  out: Float32Array = new Float32Array(g.filterHeight * g.filterWidth * g.inChannels * g.outChannels),
): Float32Array {
  checkGeometry(g, input, dy, out);
  // Sums in double precision, written to `out` once at the end.
  const sums = new Float64Array(out.length);
  const C = g.inChannels;
  const F = g.outChannels;
  for (let n = 0; n < g.batch; n++) {
    for (let oy = 0; oy < g.outHeight; oy++) {
      for (let fy = 0; fy < g.filterHeight; fy++) {
        const iy = oy * g.strideHeight + fy * g.dilationHeight - g.padTop;
        if (iy < 0 || iy >= g.inHeight) continue;
        const inputRow = (n * g.inHeight + iy) * g.inWidth;
        for (let ox = 0; ox < g.outWidth; ox++) {
          const dyAt = ((n * g.outHeight + oy) * g.outWidth + ox) * F;
          for (let fx = 0; fx < g.filterWidth; fx++) {
            const ix = ox * g.strideWidth + fx * g.dilationWidth - g.padLeft;
            if (ix < 0 || ix >= g.inWidth) continue;
            const inputAt = (inputRow + ix) * C;
            const filterAt = (fy * g.filterWidth + fx) * C * F;
            for (let c = 0; c < C; c++) {
              const value = input[inputAt + c];
              if (value === 0) continue;
              const row = filterAt + c * F;
              for (let f = 0; f < F; f++) sums[row + f] += value * dy[dyAt + f];
            }
          }
        }
      }
    }
  }
  out.set(sums);
  return out;
}

/**
 * The input's patches as a matrix (im2col): row m = (n, oy, ox) of every output position,
 * column k = (fy, fx, c) of every filter cell, holding the input cell that filter cell
 * meets there (0 in the padding). The filter gradient is then patchesᵀ · dy, with dy as an
 * [outputs, outChannels] matrix, which a fast matrix product can compute. Writes `out`
 * (batch * outHeight * outWidth rows of filterHeight * filterWidth * inChannels) and returns it.
 */
export function convPatches(input: ArrayLike<number>, g: ConvGeometry, out: Float32Array): Float32Array {
  const C = g.inChannels;
  const K = g.filterHeight * g.filterWidth * C;
  checkArrayLengths('this convolution', [['patch matrix', out.length, g.batch * g.outHeight * g.outWidth * K]]);
  checkGeometry(g, input, { length: g.batch * g.outHeight * g.outWidth * g.outChannels }, { length: K * g.outChannels });
  let row = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let oy = 0; oy < g.outHeight; oy++) {
      for (let ox = 0; ox < g.outWidth; ox++, row += K) {
        let k = row;
        for (let fy = 0; fy < g.filterHeight; fy++) {
          const iy = oy * g.strideHeight + fy * g.dilationHeight - g.padTop;
          for (let fx = 0; fx < g.filterWidth; fx++, k += C) {
            const ix = ox * g.strideWidth + fx * g.dilationWidth - g.padLeft;
            if (iy < 0 || iy >= g.inHeight || ix < 0 || ix >= g.inWidth) {
              out.fill(0, k, k + C);
            } else {
              const from = ((n * g.inHeight + iy) * g.inWidth + ix) * C;
              for (let c = 0; c < C; c++) out[k + c] = input[from + c];
            }
          }
        }
      }
    }
  }
  return out;
}
