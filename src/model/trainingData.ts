import { MNIST_PIXELS } from '../core/grid';
import type { MnistData } from '../data/mnistFormat';
import { splitIndices } from '../data/split';

/** Labelled digits as compact bytes: digit i is pixels[i*784, (i+1)*784) (grey 0..255), label labels[i]. */
export interface LabelledDigits {
  readonly count: number;
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
}

/** What a training run learns from and is evaluated on. */
export interface TrainingData {
  readonly train: LabelledDigits;
  readonly heldOut: LabelledDigits;
}

/** Copies the digits at the given global indices of the data set. */
export function pickDigits(data: MnistData, indices: ArrayLike<number>): LabelledDigits {
  const count = indices.length;
  const pixels = new Uint8Array(count * MNIST_PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const g = indices[i];
    pixels.set(data.pixels.subarray(g * MNIST_PIXELS, (g + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
    labels[i] = data.labels[g];
  }
  return { count, pixels, labels };
}

/** The fixed split of `data/split.ts` as training data: 9,000 to train on, 1,000 held out. */
export function trainingDataFromMnist(data: MnistData): TrainingData {
  const { train, test } = splitIndices(data);
  return { train: pickDigits(data, train), heldOut: pickDigits(data, test) };
}
