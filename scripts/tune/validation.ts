import type { LabelledDigits, TrainingData } from '../../src/model/trainingData';
import { MNIST_PIXELS } from '../../src/core/grid';

/** Digits of each class kept aside from the training split to score tuning candidates. */
export const VALIDATION_PER_CLASS = 100;

function pick(digits: LabelledDigits, indices: readonly number[]): LabelledDigits {
  const pixels = new Uint8Array(indices.length * MNIST_PIXELS);
  const labels = new Uint8Array(indices.length);
  indices.forEach((g, i) => {
    pixels.set(digits.pixels.subarray(g * MNIST_PIXELS, (g + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
    labels[i] = digits.labels[g];
  });
  return { count: indices.length, pixels, labels };
}

/**
 * The tuning split, carved from the TRAINING digits only: the last `perClass` training
 * digits of each class are the validation slice, the rest are trained on. The app's
 * held-out 1,000 are never touched (they are not even passed in).
 * @throws Error when a class has no more than `perClass` training digits
 */
export function validationSplit(train: LabelledDigits, perClass = VALIDATION_PER_CLASS): TrainingData {
  const byClass: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < train.count; i++) byClass[train.labels[i]].push(i);
  const keep: number[] = [];
  const aside: number[] = [];
  byClass.forEach((indices, digit) => {
    if (indices.length <= perClass) throw new Error(`Class ${digit} has only ${indices.length} training digits; the validation slice takes ${perClass}.`);
    keep.push(...indices.slice(0, indices.length - perClass));
    aside.push(...indices.slice(indices.length - perClass));
  });
  return { train: pick(train, keep), heldOut: pick(train, aside) };
}
