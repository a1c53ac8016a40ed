import { convolutionAt, convOutputSize, type ConvCellExplanation, type ConvOptions } from './convolve';
import { createGrid, type Grid } from './grid';

/** One position of a kernel sliding over its input (see {@link convSteps}). */
export interface ConvStep extends ConvCellExplanation {
  /** 0-based position in row-major order of the output: `outRow * outWidth + outCol`. */
  readonly index: number;
  /** Top-left cell of the kernel window in the zero-padded input (padding included). */
  readonly windowTop: number;
  readonly windowLeft: number;
  /** `sum + bias`: the value written to the output cell. */
  readonly output: number;
}

/** Every position of a convolution, in the order a kernel visits them. */
export interface ConvStepSequence {
  readonly outHeight: number;
  readonly outWidth: number;
  readonly bias: number;
  /** One step per output cell, row by row (length outHeight * outWidth). */
  readonly steps: readonly ConvStep[];
}

/**
 * The positions of a kernel sliding over an input, row by row, each with the input window
 * (padding cells hold 0), the products value x weight, their sum, and the output cell
 * `sum + bias`. The outputs equal {@link convolve2d}'s values plus `bias`.
 *
 * @param input H x W Grid (row-major)
 * @param kernel kh x kw Grid (row-major), not flipped (cross-correlation)
 * @param opts stride (integer >= 1) and symmetric zero padding (integer >= 0)
 * @param bias added to every sum (0 for the hand-made filters, the layer's bias for a CNN)
 * @throws RangeError for an invalid stride or padding
 */
export function convSteps(input: Grid, kernel: Grid, opts: ConvOptions, bias = 0): ConvStepSequence {
  const outHeight = convOutputSize(input.height, kernel.height, opts.stride, opts.padding);
  const outWidth = convOutputSize(input.width, kernel.width, opts.stride, opts.padding);
  const steps: ConvStep[] = [];
  for (let outRow = 0; outRow < outHeight; outRow++) {
    for (let outCol = 0; outCol < outWidth; outCol++) {
      const cell = convolutionAt(input, kernel, opts, outRow, outCol);
      steps.push({
        ...cell,
        index: steps.length,
        windowTop: outRow * opts.stride,
        windowLeft: outCol * opts.stride,
        output: cell.sum + bias,
      });
    }
  }
  return { outHeight, outWidth, bias, steps };
}

/**
 * The output map after the first `filled` steps: those cells hold their output value, the
 * others NaN (not computed yet). `filled` is clamped to 0..steps.length.
 */
export function filledOutput(sequence: ConvStepSequence, filled: number): Grid {
  const out = new Float32Array(sequence.outHeight * sequence.outWidth).fill(Number.NaN);
  const n = Math.max(0, Math.min(sequence.steps.length, Math.floor(filled)));
  for (let i = 0; i < n; i++) out[i] = sequence.steps[i].output;
  return createGrid(sequence.outHeight, sequence.outWidth, out);
}
