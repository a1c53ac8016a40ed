import { createGrid, type FeatureMaps, type Grid } from './grid';

/**
 * How a kernel slides over its input.
 * - `stride`: step between two kernel positions, in cells (integer >= 1), the same along rows
 *   and columns.
 * - `padding`: width of the symmetric zero border added on all four sides before sliding
 *   (integer >= 0). Padding cells hold the value 0.
 */
export interface ConvOptions {
  stride: number;
  padding: number;
}

/** One kernel cell's share of a convolution output value (see {@link convolutionAt}). */
export interface ConvTerm {
  /** Row of the kernel cell, 0..kernel.height-1. */
  kernelRow: number;
  /** Column of the kernel cell, 0..kernel.width-1. */
  kernelCol: number;
  /** Input row under this kernel cell; negative or >= input.height means a padding cell. */
  inputRow: number;
  /** Input column under this kernel cell; negative or >= input.width means a padding cell. */
  inputCol: number;
  /** True when (inputRow, inputCol) lies inside the input image (not padding). */
  inside: boolean;
  /** The input value under the kernel cell: the image value inside, 0 on padding. */
  value: number;
  /** The kernel weight of this cell. */
  weight: number;
  /** value * weight. */
  product: number;
}

/** Every term of one convolution output cell, and their sum (see {@link convolutionAt}). */
export interface ConvCellExplanation {
  outRow: number;
  outCol: number;
  /** One term per kernel cell, in the kernel's row-major order (length kernel.height * kernel.width). */
  terms: ConvTerm[];
  /** Sum of all products: the value convolve2d gives at (outRow, outCol). */
  sum: number;
}

function checkNonNegativeInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

function checkStride(stride: number): void {
  if (!Number.isInteger(stride) || stride < 1) {
    throw new RangeError(`stride must be a positive integer, got ${stride}`);
  }
}

/**
 * Number of output cells along one axis of a convolution (or any sliding window):
 * `floor((n + 2 * padding - kernel) / stride) + 1`, or 0 when the padded input is shorter
 * than the kernel.
 *
 * @param n input length along the axis (integer >= 0)
 * @param kernel kernel length along the axis (integer >= 0)
 * @param stride step between positions (integer >= 1)
 * @param padding zero cells added at each end of the axis (integer >= 0)
 * @throws RangeError if any argument is not an integer, is negative, or stride is 0
 */
export function convOutputSize(n: number, kernel: number, stride: number, padding: number): number {
  checkNonNegativeInteger('n', n);
  checkNonNegativeInteger('kernel', kernel);
  checkNonNegativeInteger('padding', padding);
  checkStride(stride);
  const size = Math.floor((n + 2 * padding - kernel) / stride) + 1;
  return size < 1 ? 0 : size;
}

/**
 * TensorFlow's 'same' padding for an input of length n: the output has ceil(n / stride)
 * cells; the total padding max((out - 1) * stride + kernel - n, 0) is split with the smaller
 * half (floor) before and the rest after.
 */
export function samePadding(n: number, kernel: number, stride: number): { before: number; after: number } {
  const out = Math.ceil(n / stride);
  const total = Math.max((out - 1) * stride + kernel - n, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before };
}

/**
 * The weights of a convolution layer: `data` holds `height x width x inChannels x outChannels`
 * weights in that row-major order (tfjs's kernel layout: the weight from input channel `ci` to
 * output channel `co` at kernel cell (u, v) is `data[((u * width + v) * inChannels + ci) *
 * outChannels + co]`), and `bias`, when given, one value per output channel.
 */
export interface ConvKernel {
  readonly data: Float32Array;
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly bias?: Float32Array;
}

/**
 * Where a kernel's windows sit: window (i, j) has its top-left cell at input row
 * `i * stride - padTop` and column `j * stride - padLeft`; cells outside the input are zero
 * padding. The output size fixes how much padding there is after the last row and column.
 */
export interface ConvPlacement {
  readonly stride: number;
  readonly padTop: number;
  readonly padLeft: number;
  readonly outHeight: number;
  readonly outWidth: number;
}

/**
 * 2-D cross-correlation of channel-last maps with a multi-channel kernel (the kernel is NOT
 * flipped, as in deep-learning libraries):
 * `out[i][j][co] = bias[co] + sum over (u, v, ci) of kernel[u][v][ci][co] * padded[i * stride + u][j * stride + v][ci]`.
 * Each output value is summed in double precision and rounded to float32 once, kernel row by
 * kernel row, cell by cell, input channel by input channel.
 *
 * @param input H x W x C maps
 * @param kernel kh x kw x C x C' weights (any kh, kw >= 1; need not be square) and optional bias
 * @param at stride (integer >= 1), zero padding before the first row and column (integers >= 0) and output size
 * @returns new outHeight x outWidth x C' maps
 * @throws RangeError when the channels or array lengths do not match, or on a bad placement
 */
export function convolveMaps(input: FeatureMaps, kernel: ConvKernel, at: ConvPlacement): FeatureMaps {
  const { height: inH, width: inW, channels: cin, data: src } = input;
  const { height: kH, width: kW, outChannels: cout, data: weights, bias } = kernel;
  const { stride, padTop, padLeft, outHeight: outH, outWidth: outW } = at;
  checkStride(stride);
  for (const [name, v] of [
    ['padTop', padTop],
    ['padLeft', padLeft],
    ['outHeight', outH],
    ['outWidth', outW],
  ] as const)
    checkNonNegativeInteger(name, v);
  if (kernel.inChannels !== cin) throw new RangeError(`The kernel reads ${kernel.inChannels} channels; the input has ${cin}`);
  if (src.length !== inH * inW * cin) throw new RangeError(`Expected ${inH}x${inW}x${cin} input values, got ${src.length}`);
  if (weights.length !== kH * kW * cin * cout) throw new RangeError(`Expected ${kH}x${kW}x${cin}x${cout} kernel values, got ${weights.length}`);
  if (bias && bias.length !== cout) throw new RangeError(`Expected ${cout} bias values, got ${bias.length}`);

  const out = new Float32Array(outH * outW * cout);
  const sums = new Float64Array(cout);
  for (let outRow = 0; outRow < outH; outRow++) {
    const top = outRow * stride - padTop;
    // Only kernel rows that land inside the input contribute; padding rows add 0.
    const firstKernelRow = top < 0 ? -top : 0;
    const endKernelRow = Math.min(kH, inH - top);
    for (let outCol = 0; outCol < outW; outCol++) {
      const left = outCol * stride - padLeft;
      const firstKernelCol = left < 0 ? -left : 0;
      const endKernelCol = Math.min(kW, inW - left);
      if (bias) sums.set(bias);
      else sums.fill(0);
      for (let kr = firstKernelRow; kr < endKernelRow; kr++) {
        const srcRowStart = (top + kr) * inW + left;
        for (let kc = firstKernelCol; kc < endKernelCol; kc++) {
          const srcCell = (srcRowStart + kc) * cin;
          const weightCell = (kr * kW + kc) * cin;
          for (let ci = 0; ci < cin; ci++) {
            const x = src[srcCell + ci];
            // A zero input adds nothing (after a ReLU, most inputs are zero).
            if (x === 0) continue;
            const w = (weightCell + ci) * cout;
            for (let co = 0; co < cout; co++) sums[co] += x * weights[w + co];
          }
        }
      }
      out.set(sums, (outRow * outW + outCol) * cout);
    }
  }
  return { data: out, height: outH, width: outW, channels: cout };
}

/**
 * 2-D cross-correlation of a single-channel input with a single kernel: {@link convolveMaps}
 * with one channel in and out, no bias, and the same zero padding on all four sides:
 * `out[i][j] = sum over (u, v) of kernel[u][v] * padded[i * stride + u][j * stride + v]`,
 * where `padded` is the input surrounded by `padding` rows/columns of zeros on every side.
 *
 * @param input any H x W Grid (row-major)
 * @param kernel any kh x kw Grid (row-major; need not be square)
 * @param opts stride (integer >= 1) and symmetric zero padding (integer >= 0)
 * @returns a new Grid of shape convOutputSize(H, kh, s, p) x convOutputSize(W, kw, s, p);
 *   values are unbounded (whatever the weights produce), stored as float32
 */
export function convolve2d(input: Grid, kernel: Grid, opts: ConvOptions): Grid {
  const { stride, padding } = opts;
  const outHeight = convOutputSize(input.height, kernel.height, stride, padding);
  const outWidth = convOutputSize(input.width, kernel.width, stride, padding);
  const maps = convolveMaps(
    { ...input, channels: 1 },
    { data: kernel.data, height: kernel.height, width: kernel.width, inChannels: 1, outChannels: 1 },
    { stride, padTop: padding, padLeft: padding, outHeight, outWidth },
  );
  return createGrid(outHeight, outWidth, maps.data);
}

/**
 * Explains one output cell of {@link convolve2d}: which input cell sits under each kernel
 * cell, its value (0 on padding), the weight, the product, and the sum of all products.
 *
 * @param input H x W Grid
 * @param kernel kh x kw Grid
 * @param opts stride and symmetric zero padding, as for convolve2d
 * @param outRow output row, 0 <= outRow < output height
 * @param outCol output column, 0 <= outCol < output width
 * @returns kh * kw terms in the kernel's row-major order, and their sum
 * @throws RangeError if (outRow, outCol) is outside the output
 */
export function convolutionAt(input: Grid, kernel: Grid, opts: ConvOptions, outRow: number, outCol: number): ConvCellExplanation {
  const { stride, padding } = opts;
  const outH = convOutputSize(input.height, kernel.height, stride, padding);
  const outW = convOutputSize(input.width, kernel.width, stride, padding);
  if (!Number.isInteger(outRow) || !Number.isInteger(outCol) || outRow < 0 || outCol < 0 || outRow >= outH || outCol >= outW) {
    throw new RangeError(`Output cell (${outRow}, ${outCol}) is outside the ${outH}x${outW} output`);
  }
  const top = outRow * stride - padding;
  const left = outCol * stride - padding;
  const terms: ConvTerm[] = [];
  let sum = 0;
  for (let kernelRow = 0; kernelRow < kernel.height; kernelRow++) {
    for (let kernelCol = 0; kernelCol < kernel.width; kernelCol++) {
      const inputRow = top + kernelRow;
      const inputCol = left + kernelCol;
      const inside = inputRow >= 0 && inputRow < input.height && inputCol >= 0 && inputCol < input.width;
      const value = inside ? input.data[inputRow * input.width + inputCol] : 0;
      const weight = kernel.data[kernelRow * kernel.width + kernelCol];
      const product = value * weight;
      sum += product;
      terms.push({ kernelRow, kernelCol, inputRow, inputCol, inside, value, weight, product });
    }
  }
  return { outRow, outCol, terms, sum };
}
