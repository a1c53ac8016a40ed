import { MNIST_PIXELS } from '../core/grid';
import type { MnistData } from './mnistFormat';
import { splitIndices, type SampleId } from './split';

/**
 * The 1,000 held-out digits as one block of bytes (784 per digit, in the split's order), with
 * each digit's label and identity: what the map of all digits lays out and the filter panel ranks.
 */
export interface HeldOutSet {
  readonly pixels: Uint8Array;
  readonly ids: readonly SampleId[];
  readonly labels: Int32Array;
}

const made = new WeakMap<MnistData, HeldOutSet>();

/** The held-out digits of `data`, gathered once per data set. */
export function heldOutSet(data: MnistData): HeldOutSet {
  const known = made.get(data);
  if (known) return known;
  const { test } = splitIndices(data);
  const pixels = new Uint8Array(test.length * MNIST_PIXELS);
  const labels = new Int32Array(test.length);
  const ids: SampleId[] = [];
  test.forEach((g, i) => {
    pixels.set(data.pixels.subarray(g * MNIST_PIXELS, (g + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
    const digit = data.labels[g];
    labels[i] = digit;
    ids.push({ digit, index: g - data.classStart[digit] });
  });
  const result = { pixels, ids, labels };
  made.set(data, result);
  return result;
}
