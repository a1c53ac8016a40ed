import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { convolve2d, convolutionAt, convolveMaps, convOutputSize, samePadding, type ConvKernel, type ConvPlacement } from './convolve';
import { createGrid, gridFromRows, gridToRows, type FeatureMaps, type Grid } from './grid';
import { passesThreshold } from './threshold';

/** Small seeded generator (xorshift32) so failures are reproducible. */
function makeRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

function randomGrid(height: number, width: number, random: () => number, lo = -1, hi = 1): Grid {
  const data = new Float32Array(height * width);
  for (let i = 0; i < data.length; i++) data[i] = lo + (hi - lo) * random();
  return createGrid(height, width, data);
}

/**
 * Reference written the slow, obvious way: build the zero-padded image explicitly, then
 * slide the kernel over every position that fits.
 */
function naiveConvolve(input: number[][], kernel: number[][], stride: number, padding: number): number[][] {
  const height = input.length + 2 * padding;
  const width = (input[0]?.length ?? 0) + 2 * padding;
  const padded: number[][] = [];
  for (let r = 0; r < height; r++) {
    const row: number[] = [];
    for (let c = 0; c < width; c++) {
      const ir = r - padding;
      const ic = c - padding;
      row.push(ir >= 0 && ir < input.length && ic >= 0 && ic < input[0].length ? input[ir][ic] : 0);
    }
    padded.push(row);
  }
  const out: number[][] = [];
  for (let top = 0; top + kernel.length <= height; top += stride) {
    const row: number[] = [];
    for (let left = 0; left + kernel[0].length <= width; left += stride) {
      let sum = 0;
      for (let u = 0; u < kernel.length; u++) {
        for (let v = 0; v < kernel[0].length; v++) sum += padded[top + u][left + v] * kernel[u][v];
      }
      row.push(sum);
    }
    out.push(row);
  }
  return out;
}

const DIAGONAL = gridFromRows([
  [2, -1, -1],
  [-1, 2, -1],
  [-1, -1, 2],
]);
const VALID = { stride: 1, padding: 0 };

describe('convOutputSize', () => {
  it('follows floor((n + 2p - k) / s) + 1', () => {
    expect(convOutputSize(28, 3, 1, 0)).toBe(26);
    expect(convOutputSize(28, 3, 1, 1)).toBe(28);
    expect(convOutputSize(28, 3, 2, 0)).toBe(13);
    expect(convOutputSize(28, 3, 3, 2)).toBe(10);
    expect(convOutputSize(9, 2, 3, 0)).toBe(3);
    expect(convOutputSize(3, 3, 5, 0)).toBe(1);
  });

  it('gives 0 when the kernel does not fit', () => {
    expect(convOutputSize(2, 3, 1, 0)).toBe(0);
    expect(convOutputSize(1, 3, 1, 1)).toBe(1);
    expect(convOutputSize(0, 3, 1, 1)).toBe(0);
    expect(convOutputSize(0, 3, 1, 0)).toBe(0);
  });

  it('rejects a zero, negative or fractional stride and bad sizes', () => {
    expect(() => convOutputSize(28, 3, 0, 0)).toThrow(RangeError);
    expect(() => convOutputSize(28, 3, -1, 0)).toThrow(RangeError);
    expect(() => convOutputSize(28, 3, 1.5, 0)).toThrow(RangeError);
    expect(() => convOutputSize(28, 3, 1, -1)).toThrow(RangeError);
    expect(() => convOutputSize(28, 3, 1, 0.5)).toThrow(RangeError);
    expect(() => convOutputSize(-28, 3, 1, 0)).toThrow(RangeError);
    expect(() => convOutputSize(28, 2.5, 1, 0)).toThrow(RangeError);
  });
});

describe('convolve2d', () => {
  it('reproduces the NOTES worked check with filter 1 on 3x3 binary patches', () => {
    const line = gridFromRows([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    const solid = gridFromRows([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    const centre = gridFromRows([
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    const lineSum = convolve2d(line, DIAGONAL, VALID);
    const solidSum = convolve2d(solid, DIAGONAL, VALID);
    const centreSum = convolve2d(centre, DIAGONAL, VALID);
    expect(gridToRows(lineSum)).toEqual([[6]]);
    expect(gridToRows(solidSum)).toEqual([[0]]);
    expect(gridToRows(centreSum)).toEqual([[2]]);

    expect(passesThreshold(lineSum.data[0], 2, '>')).toBe(true);
    expect(passesThreshold(lineSum.data[0], 2, '>=')).toBe(true);
    expect(passesThreshold(solidSum.data[0], 2, '>')).toBe(false);
    expect(passesThreshold(solidSum.data[0], 2, '>=')).toBe(false);
    expect(passesThreshold(centreSum.data[0], 2, '>')).toBe(false);
    expect(passesThreshold(centreSum.data[0], 2, '>=')).toBe(true);
  });

  it('is cross-correlation: the kernel is not flipped', () => {
    const input = gridFromRows([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    const topLeftPicker = gridFromRows([
      [1, 0],
      [0, 0],
    ]);
    // A flipped kernel would pick the bottom-right cell of each window: [[5,6],[8,9]].
    expect(gridToRows(convolve2d(input, topLeftPicker, VALID))).toEqual([
      [1, 2],
      [4, 5],
    ]);
  });

  it('treats padding as zeros on all four sides (hand-computed)', () => {
    const input = gridFromRows([
      [1, 2],
      [3, 4],
    ]);
    const ones = gridFromRows([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(gridToRows(convolve2d(input, ones, { stride: 1, padding: 1 }))).toEqual([
      [10, 10],
      [10, 10],
    ]);
    const topLeft = gridFromRows([
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    const bottomRight = gridFromRows([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 1],
    ]);
    // With padding 2 the padded image is 6x6 and the output 4x4; a one-hot kernel reads
    // the padded image at a fixed offset, so the zeros show where the padding is.
    expect(gridToRows(convolve2d(input, topLeft, { stride: 1, padding: 2 }))).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 1, 2],
      [0, 0, 3, 4],
    ]);
    expect(gridToRows(convolve2d(input, bottomRight, { stride: 1, padding: 2 }))).toEqual([
      [1, 2, 0, 0],
      [3, 4, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('handles non-square kernels and strides (hand-computed)', () => {
    const input = gridFromRows([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
    ]);
    const rowPair = gridFromRows([[1, -1]]);
    expect(gridToRows(convolve2d(input, rowPair, { stride: 2, padding: 0 }))).toEqual([[-1, -1]]);
    const column = gridFromRows([[1], [10]]);
    expect(gridToRows(convolve2d(input, column, { stride: 1, padding: 0 }))).toEqual([[61, 72, 83, 94, 105]]);
  });

  it('returns an empty grid when the kernel does not fit', () => {
    const out = convolve2d(randomGrid(2, 2, makeRandom(3)), DIAGONAL, VALID);
    expect(out.height).toBe(0);
    expect(out.width).toBe(0);
    expect(out.data.length).toBe(0);
  });

  it('matches the formula and a naive reference for every stride 1..3 and padding 0..3 on 28x28', () => {
    const random = makeRandom(28);
    const input = randomGrid(28, 28, random, 0, 255);
    const kernels = [DIAGONAL, randomGrid(2, 3, random), randomGrid(5, 4, random), randomGrid(1, 1, random)];
    for (const kernel of kernels) {
      for (let stride = 1; stride <= 3; stride++) {
        for (let padding = 0; padding <= 3; padding++) {
          const out = convolve2d(input, kernel, { stride, padding });
          const expectedHeight = Math.floor((28 + 2 * padding - kernel.height) / stride) + 1;
          const expectedWidth = Math.floor((28 + 2 * padding - kernel.width) / stride) + 1;
          expect([out.height, out.width]).toEqual([expectedHeight, expectedWidth]);
          expect(out.data.length).toBe(expectedHeight * expectedWidth);
          const reference = naiveConvolve(gridToRows(input), gridToRows(kernel), stride, padding);
          expect(reference.length).toBe(expectedHeight);
          const actual = gridToRows(out);
          for (let r = 0; r < expectedHeight; r++) {
            for (let c = 0; c < expectedWidth; c++) {
              expect(Math.abs(actual[r][c] - reference[r][c])).toBeLessThan(1e-2);
            }
          }
        }
      }
    }
  });

  it('leaves its input and kernel untouched', () => {
    const random = makeRandom(5);
    const input = randomGrid(6, 7, random);
    const kernel = randomGrid(3, 3, random);
    const inputCopy = Float32Array.from(input.data);
    const kernelCopy = Float32Array.from(kernel.data);
    convolve2d(input, kernel, { stride: 2, padding: 1 });
    expect(input.data).toEqual(inputCopy);
    expect(kernel.data).toEqual(kernelCopy);
  });
});

describe('convolve2d against tf.conv2d', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  });

  it('agrees within 1e-4 on random 9x11 inputs, 3x3 and 2x3 kernels, strides 1..3, padding 0..2', () => {
    const random = makeRandom(2024);
    const tensorsBefore = tf.memory().numTensors;
    let comparisons = 0;
    for (let trial = 0; trial < 10; trial++) {
      const input = randomGrid(9, 11, random);
      for (const [kh, kw] of [
        [3, 3],
        [2, 3],
      ]) {
        const kernel = randomGrid(kh, kw, random);
        for (let stride = 1; stride <= 3; stride++) {
          for (let padding = 0; padding <= 2; padding++) {
            const ours = convolve2d(input, kernel, { stride, padding });
            const theirs = tf.tidy(() => {
              const x = tf.tensor4d(input.data, [1, input.height, input.width, 1]);
              const w = tf.tensor4d(kernel.data, [kh, kw, 1, 1]);
              const padded = tf.pad(x, [
                [0, 0],
                [padding, padding],
                [padding, padding],
                [0, 0],
              ]);
              return tf.conv2d(padded, w, stride, 'valid');
            });
            expect(theirs.shape).toEqual([1, ours.height, ours.width, 1]);
            const expected = theirs.dataSync();
            theirs.dispose();
            expect(expected.length).toBe(ours.data.length);
            for (let i = 0; i < expected.length; i++) {
              expect(Math.abs(ours.data[i] - expected[i])).toBeLessThan(1e-4);
            }
            comparisons++;
          }
        }
      }
    }
    expect(comparisons).toBe(10 * 2 * 3 * 3);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});

/** Reference for channel-last maps, the slow obvious way: every output value summed from scratch. */
function naiveConvolveMaps(input: FeatureMaps, kernel: ConvKernel, at: ConvPlacement): number[] {
  const valueAt = (r: number, c: number, ch: number) =>
    r >= 0 && r < input.height && c >= 0 && c < input.width ? input.data[(r * input.width + c) * input.channels + ch] : 0;
  const out: number[] = [];
  for (let i = 0; i < at.outHeight; i++) {
    for (let j = 0; j < at.outWidth; j++) {
      for (let co = 0; co < kernel.outChannels; co++) {
        let sum = kernel.bias ? kernel.bias[co] : 0;
        for (let u = 0; u < kernel.height; u++) {
          for (let v = 0; v < kernel.width; v++) {
            for (let ci = 0; ci < kernel.inChannels; ci++) {
              const w = kernel.data[((u * kernel.width + v) * kernel.inChannels + ci) * kernel.outChannels + co];
              sum += w * valueAt(i * at.stride + u - at.padTop, j * at.stride + v - at.padLeft, ci);
            }
          }
        }
        out.push(sum);
      }
    }
  }
  return out;
}

function randomMaps(height: number, width: number, channels: number, random: () => number): FeatureMaps {
  // A third of the values are exactly 0, as after a ReLU.
  const data = Float32Array.from({ length: height * width * channels }, () => (random() < 1 / 3 ? 0 : random() * 2 - 1));
  return { data, height, width, channels };
}

function randomKernel(height: number, width: number, inChannels: number, outChannels: number, random: () => number): ConvKernel {
  const data = Float32Array.from({ length: height * width * inChannels * outChannels }, () => random() * 2 - 1);
  return { data, height, width, inChannels, outChannels, bias: Float32Array.from({ length: outChannels }, () => random() - 0.5) };
}

describe('convolveMaps', () => {
  it('matches a naive reference with several channels, a bias, strides and padding before and after', () => {
    const random = makeRandom(77);
    let comparisons = 0;
    for (const [h, w, cin, cout, kh, kw] of [
      [9, 9, 3, 4, 3, 3],
      [8, 11, 2, 5, 4, 2],
      [6, 6, 1, 3, 1, 1],
    ]) {
      const input = randomMaps(h, w, cin, random);
      const kernel = randomKernel(kh, kw, cin, cout, random);
      for (let stride = 1; stride <= 3; stride++) {
        for (const [padTop, padLeft, extra] of [
          [0, 0, 0],
          [1, 2, 1],
          [2, 0, 3],
        ]) {
          const outHeight = Math.floor((h + padTop + extra - kh) / stride) + 1;
          const outWidth = Math.floor((w + padLeft + extra - kw) / stride) + 1;
          const at = { stride, padTop, padLeft, outHeight, outWidth };
          const out = convolveMaps(input, kernel, at);
          expect([out.height, out.width, out.channels]).toEqual([outHeight, outWidth, cout]);
          const expected = naiveConvolveMaps(input, kernel, at);
          expect(out.data.length).toBe(expected.length);
          expected.forEach((v, i) => expect(Math.abs(out.data[i] - v)).toBeLessThan(1e-5));
          comparisons++;
        }
      }
    }
    expect(comparisons).toBe(27);
  });

  it('with one channel, no bias and even padding is exactly convolve2d', () => {
    const random = makeRandom(3);
    const input = randomGrid(12, 10, random, 0, 255);
    const kernel = randomGrid(3, 2, random);
    const outHeight = convOutputSize(12, 3, 2, 1);
    const outWidth = convOutputSize(10, 2, 2, 1);
    const maps = convolveMaps(
      { ...input, channels: 1 },
      { data: kernel.data, height: 3, width: 2, inChannels: 1, outChannels: 1 },
      { stride: 2, padTop: 1, padLeft: 1, outHeight, outWidth },
    );
    expect(maps.data).toEqual(convolve2d(input, kernel, { stride: 2, padding: 1 }).data);
  });

  it('sums each output in double precision and rounds once (a float32 running sum would lose the 1)', () => {
    const big = 2 ** 24;
    const input = { data: new Float32Array([big, 1, big]), height: 1, width: 3, channels: 1 };
    const kernel = { data: new Float32Array([1, 1, -1]), height: 1, width: 3, inChannels: 1, outChannels: 1 };
    expect(Array.from(convolveMaps(input, kernel, { stride: 1, padTop: 0, padLeft: 0, outHeight: 1, outWidth: 1 }).data)).toEqual([1]);
    const channels = { data: new Float32Array([big, 1, big]), height: 1, width: 1, channels: 3 };
    const across = { data: new Float32Array([1, 1, -1]), height: 1, width: 1, inChannels: 3, outChannels: 1, bias: new Float32Array([0.5]) };
    expect(Array.from(convolveMaps(channels, across, { stride: 1, padTop: 0, padLeft: 0, outHeight: 1, outWidth: 1 }).data)).toEqual([1.5]);
  });

  it('rejects channels, lengths and placements that do not fit, with a message', () => {
    const input = { data: new Float32Array(2 * 2 * 3), height: 2, width: 2, channels: 3 };
    const kernel = { data: new Float32Array(2 * 2 * 2), height: 1, width: 1, inChannels: 2, outChannels: 4 };
    const at = { stride: 1, padTop: 0, padLeft: 0, outHeight: 2, outWidth: 2 };
    expect(() => convolveMaps(input, kernel, at)).toThrow(/reads 2 channels; the input has 3/);
    expect(() => convolveMaps(input, { ...kernel, inChannels: 3 }, at)).toThrow(/kernel values/);
    expect(() => convolveMaps({ ...input, height: 3 }, { ...kernel, inChannels: 3, data: new Float32Array(12) }, at)).toThrow(/input values/);
    const fitting = { ...kernel, inChannels: 3, data: new Float32Array(12) };
    expect(() => convolveMaps(input, { ...fitting, bias: new Float32Array(3) }, at)).toThrow(/4 bias values/);
    expect(() => convolveMaps(input, fitting, { ...at, stride: 0 })).toThrow(/stride/);
    expect(() => convolveMaps(input, fitting, { ...at, padTop: -1 })).toThrow(/padTop/);
  });

  it("agrees with tf.conv2d's 'same' padding (split the TensorFlow way) on several channels", async () => {
    await tf.setBackend('cpu');
    const random = makeRandom(404);
    const tensorsBefore = tf.memory().numTensors;
    for (const [side, k, stride] of [
      [9, 4, 2],
      [10, 5, 3],
      [7, 3, 1],
    ]) {
      const input = randomMaps(side, side, 3, random);
      const kernel = randomKernel(k, k, 3, 4, random);
      const { before } = samePadding(side, k, stride);
      const out = Math.ceil(side / stride);
      const ours = convolveMaps(input, kernel, { stride, padTop: before, padLeft: before, outHeight: out, outWidth: out });
      const theirs = tf.tidy(() =>
        tf
          .conv2d(tf.tensor4d(input.data, [1, side, side, 3]), tf.tensor4d(kernel.data, [k, k, 3, 4]), stride, 'same')
          .add(tf.tensor1d(kernel.bias!))
          .dataSync(),
      );
      expect(theirs.length).toBe(ours.data.length);
      theirs.forEach((v, i) => expect(Math.abs(ours.data[i] - v)).toBeLessThan(1e-4));
    }
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});

describe('convolutionAt', () => {
  it('lists the nine products in row-major order, with padding cells as 0', () => {
    const input = gridFromRows([
      [1, 2],
      [3, 4],
    ]);
    const kernel = gridFromRows([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    const cell = convolutionAt(input, kernel, { stride: 1, padding: 1 }, 0, 0);
    expect(cell.terms).toHaveLength(9);
    expect(cell.terms.map((t) => [t.inputRow, t.inputCol])).toEqual([
      [-1, -1],
      [-1, 0],
      [-1, 1],
      [0, -1],
      [0, 0],
      [0, 1],
      [1, -1],
      [1, 0],
      [1, 1],
    ]);
    expect(cell.terms.map((t) => t.inside)).toEqual([false, false, false, false, true, true, false, true, true]);
    expect(cell.terms.map((t) => t.value)).toEqual([0, 0, 0, 0, 1, 2, 0, 3, 4]);
    expect(cell.terms.map((t) => t.weight)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(cell.terms.map((t) => t.product)).toEqual([0, 0, 0, 0, 5, 12, 0, 24, 36]);
    expect(cell.terms.map((t) => [t.kernelRow, t.kernelCol])[5]).toEqual([1, 2]);
    expect(cell.sum).toBe(77);
    expect(convolve2d(input, kernel, { stride: 1, padding: 1 }).data[0]).toBe(77);
  });

  it('sums to the convolve2d output at every cell, including padded ones', () => {
    const random = makeRandom(77);
    const input = randomGrid(7, 6, random, 0, 255);
    for (const kernel of [DIAGONAL, randomGrid(2, 3, random)]) {
      for (let stride = 1; stride <= 3; stride++) {
        for (let padding = 0; padding <= 3; padding++) {
          const opts = { stride, padding };
          const out = convolve2d(input, kernel, opts);
          for (let r = 0; r < out.height; r++) {
            for (let c = 0; c < out.width; c++) {
              const explained = convolutionAt(input, kernel, opts, r, c);
              expect(explained.terms).toHaveLength(kernel.height * kernel.width);
              const productSum = explained.terms.reduce((s, t) => s + t.product, 0);
              expect(explained.sum).toBeCloseTo(productSum, 9);
              expect(Math.abs(explained.sum - out.data[r * out.width + c])).toBeLessThan(1e-3);
            }
          }
        }
      }
    }
  });

  it('rejects cells outside the output', () => {
    const input = randomGrid(5, 5, makeRandom(1));
    expect(() => convolutionAt(input, DIAGONAL, VALID, 3, 0)).toThrow(RangeError);
    expect(() => convolutionAt(input, DIAGONAL, VALID, 0, -1)).toThrow(RangeError);
    expect(() => convolutionAt(input, DIAGONAL, VALID, 2, 2)).not.toThrow();
  });
});
