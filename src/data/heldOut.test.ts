import { describe, expect, it } from 'vitest';
import { MNIST_PIXELS } from '../core/grid';
import { heldOutSet } from './heldOut';
import { readMnist } from './node';
import { isHeldOut, sampleIndex, splitIndices, TEST_PER_CLASS } from './split';

describe('the held-out set', () => {
  const data = readMnist();

  it('holds the 1,000 held-out digits in the split’s order, each with its label, its identity and its pixels', () => {
    const set = heldOutSet(data);
    const { test } = splitIndices(data);
    expect(set.ids).toHaveLength(1000);
    expect(set.labels).toHaveLength(1000);
    expect(set.pixels).toHaveLength(1000 * MNIST_PIXELS);
    set.ids.forEach((id, i) => {
      const g = sampleIndex(data, id);
      expect(g).toBe(test[i]);
      expect(isHeldOut(data, id)).toBe(true);
      expect(set.labels[i]).toBe(data.labels[g]);
    });
    for (const i of [0, 499, 999]) {
      const g = test[i];
      expect(set.pixels.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS)).toEqual(data.pixels.subarray(g * MNIST_PIXELS, (g + 1) * MNIST_PIXELS));
    }
    const perClass = Array.from({ length: 10 }, (_, d) => set.labels.filter((l) => l === d).length);
    expect(perClass).toEqual(new Array(10).fill(TEST_PER_CLASS));
  });

  it('is gathered once per data set', () => {
    expect(heldOutSet(data)).toBe(heldOutSet(data));
  });
});
