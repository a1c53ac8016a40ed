import { describe, expect, it } from 'vitest';
import { batchImages, batchLabels, type ByteDigits } from './batch';
import { MNIST_PIXELS } from './grid';

/** Four digits whose pixels all hold one grey level each: 0, 51, 102 and 255. */
function digits(): ByteDigits {
  const levels = [0, 51, 102, 255];
  const pixels = new Uint8Array(levels.length * MNIST_PIXELS);
  levels.forEach((level, i) => pixels.fill(level, i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS));
  return { count: levels.length, pixels, labels: Uint8Array.from([7, 1, 4, 9]) };
}

describe('batchImages', () => {
  it('takes the digits of the order from `from` to `to`, as grey levels in 0..1', () => {
    const images = batchImages(digits(), [3, 1, 2, 0], 1, 3, null);
    expect(images).toHaveLength(2 * MNIST_PIXELS);
    expect(images[0]).toBeCloseTo(0.2, 6);
    expect(images[MNIST_PIXELS - 1]).toBeCloseTo(0.2, 6);
    expect(images[MNIST_PIXELS]).toBeCloseTo(0.4, 6);
    expect(images[2 * MNIST_PIXELS - 1]).toBeCloseTo(0.4, 6);
  });

  it('passes each digit through the distortion, which writes the batch', () => {
    const seen: number[] = [];
    const invert = (grey: Float32Array, target: Float32Array) => {
      seen.push(grey[0]);
      for (let i = 0; i < grey.length; i++) target[i] = 1 - grey[i];
    };
    const images = batchImages(digits(), [0, 3], 0, 2, invert);
    expect(seen).toEqual([0, 1]);
    expect(images[0]).toBe(1);
    expect(images[MNIST_PIXELS + 5]).toBe(0);
  });

  it('gives an empty batch for an empty range', () => {
    expect(batchImages(digits(), [0, 1], 1, 1, null)).toHaveLength(0);
  });
});

describe('batchLabels', () => {
  it('takes the labels in the same order', () => {
    expect(Array.from(batchLabels(digits(), [3, 1, 2, 0], 0, 4))).toEqual([9, 1, 4, 7]);
    expect(Array.from(batchLabels(digits(), [3, 1, 2, 0], 2, 3))).toEqual([4]);
  });
});
