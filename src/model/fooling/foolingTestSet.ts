/**
 * For the fooling tests (node, tfjs's CPU backend): the shipped model, 100 seeded held-out
 * digits it classifies correctly, its predictions in one batch, and the check that an
 * adversarial input stays in [0, 1] and within epsilon of its original.
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { maxAbsDifference } from '../../core/adversarial';
import type { Grid } from '../../core/grid';
import { readMnist } from '../../data/node';
import { heldOutDigits, type LabelledDigit } from '../attribution/shippedForTests';
import { createRandom, shuffleInPlace } from '../random';

export const SEED = 16;
export const COUNT = 100;
/** float32 rounding of x + epsilon. */
const ROUNDING = 1e-6;

/** The tfjs model's predicted class of each image, in one batch: a second route besides the plain pass. */
export function tfjsPredictions(m: tf.LayersModel, images: readonly Grid[]): number[] {
  const classes = tf.tidy(() => {
    const batch = tf.tensor4d(Float32Array.from(images.flatMap((g) => Array.from(g.data))), [images.length, 28, 28, 1]);
    return (m.predict(batch) as tf.Tensor).argMax(-1).dataSync();
  });
  return Array.from(classes);
}

export function expectWithinBall(adversarial: Grid, original: Grid, epsilon: number): void {
  for (const v of adversarial.data) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
  expect(maxAbsDifference(adversarial.data, original.data)).toBeLessThanOrEqual(epsilon + ROUNDING);
}

/** `COUNT` held-out digits (of the 1,000) that `model` classifies correctly, in a seeded order. */
export function correctHeldOut(model: tf.LayersModel): LabelledDigit[] {
  const digits = heldOutDigits(readMnist(), 100);
  const predicted = tfjsPredictions(
    model,
    digits.map((d) => d.image),
  );
  const correct = digits.filter((d, i) => predicted[i] === d.label);
  return shuffleInPlace(
    correct.map((_, i) => i),
    createRandom(SEED),
  )
    .slice(0, COUNT)
    .map((i) => correct[i]);
}
