import { describe, expect, it } from 'vitest';
import { MNIST_PIXELS } from '../../src/core/grid';
import type { LabelledDigits } from '../../src/model/trainingData';
import { validationSplit } from './validation';

/** `perClass` digits of each class, class by class; pixel 0 of digit i holds i % 256, pixel 1 holds i >> 8. */
function digits(perClass: number): LabelledDigits {
  const count = 10 * perClass;
  const pixels = new Uint8Array(count * MNIST_PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = Math.floor(i / perClass);
    pixels[i * MNIST_PIXELS] = i % 256;
    pixels[i * MNIST_PIXELS + 1] = i >> 8;
  }
  return { count, pixels, labels };
}

const ids = (d: LabelledDigits) => Array.from({ length: d.count }, (_, i) => d.pixels[i * MNIST_PIXELS] + 256 * d.pixels[i * MNIST_PIXELS + 1]);

describe('validationSplit', () => {
  it('sets the last digits of each class aside, and trains on the others, each digit with its label', () => {
    const source = digits(30);
    const { train, heldOut } = validationSplit(source, 10);
    expect(train.count).toBe(200);
    expect(heldOut.count).toBe(100);
    const trainIds = ids(train);
    const asideIds = ids(heldOut);
    expect(new Set([...trainIds, ...asideIds]).size).toBe(300);
    for (let d = 0; d < 10; d++) {
      expect(asideIds.filter((id) => source.labels[id] === d)).toEqual(Array.from({ length: 10 }, (_, k) => d * 30 + 20 + k));
    }
    trainIds.forEach((id, i) => expect(train.labels[i]).toBe(source.labels[id]));
    asideIds.forEach((id, i) => expect(heldOut.labels[i]).toBe(source.labels[id]));
  });

  it('says which class is too small', () => {
    expect(() => validationSplit(digits(5), 5)).toThrow(/Class 0 has only 5 training digits/);
  });
});
