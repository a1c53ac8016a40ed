import { MNIST_PIXELS, MNIST_SIDE, createGrid, type Image28 } from '../core/grid';
import type { MnistData } from './mnistFormat';

/**
 * The fixed split, identical in the browser and in node: the LAST 100 digits of each class
 * are the held-out test set (1,000 digits), the others (9,000) are for training.
 */
export const TEST_PER_CLASS = 100;

/** A digit's identity: its class and its index within that class (0-based). */
export interface SampleId {
  readonly digit: number;
  readonly index: number;
}

/** The default sample: the first "2" of the data (index 0 of class 2). */
export const DEFAULT_SAMPLE: SampleId = { digit: 2, index: 0 };

/** Global index (into labels / pixels) of a sample, or -1 when it does not exist. */
export function sampleIndex(data: MnistData, id: SampleId): number {
  if (!Number.isInteger(id.digit) || id.digit < 0 || id.digit > 9) return -1;
  if (!Number.isInteger(id.index) || id.index < 0 || id.index >= data.classCount[id.digit]) return -1;
  return data.classStart[id.digit] + id.index;
}

/** Whether a sample belongs to the held-out test split. */
export function isHeldOut(data: MnistData, id: SampleId): boolean {
  return id.index >= data.classCount[id.digit] - TEST_PER_CLASS;
}

/** Global indices of the training split (9,000) and the held-out split (1,000), class by class. */
export function splitIndices(data: MnistData): { train: Int32Array; test: Int32Array } {
  const train: number[] = [];
  const test: number[] = [];
  for (let d = 0; d < 10; d++) {
    const start = data.classStart[d];
    const n = data.classCount[d];
    for (let i = 0; i < n; i++) (i >= n - TEST_PER_CLASS ? test : train).push(start + i);
  }
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

/** The digit at a global index as an Image28 (grey 0..1). */
export function digitImage(data: MnistData, globalIndex: number): Image28 {
  const src = data.pixels.subarray(globalIndex * MNIST_PIXELS, (globalIndex + 1) * MNIST_PIXELS);
  const out = new Float32Array(MNIST_PIXELS);
  for (let i = 0; i < MNIST_PIXELS; i++) out[i] = src[i] / 255;
  return createGrid(MNIST_SIDE, MNIST_SIDE, out);
}
