import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { logProbability, softmaxSteps } from '../../core/softmax';
import { classLogProbability } from './layerChain';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The value and gradient (with respect to the logits) of `classLogProbability` scaled by `factor`, read back. */
function valueAndGradient(logits: number[], classIndex: number, factor = 1): { value: number; gradient: number[] } {
  const { value, grad } = tf.tidy(() => tf.valueAndGrad((z: tf.Tensor) => classLogProbability(z, classIndex).mul(factor) as tf.Scalar)(tf.tensor2d([logits])));
  const read = { value: value.dataSync()[0], gradient: Array.from(grad.dataSync()) };
  tf.dispose([value, grad]);
  return read;
}

describe('classLogProbability', () => {
  it('has the gradient of a class the network is sure of to full precision, where 1 - p is below float32 resolution', () => {
    // Logits [30, 0, 0]: p_0 = 1 / (1 + 2e^-30), and d(ln p_0)/dz = [1 - p_0, -p_1, -p_2] =
    // [2e^-30, -e^-30, -e^-30] / (1 + 2e^-30). In float32, p_0 rounds to 1, and tfjs's
    // log-softmax gradient gives 1 - p_0 = 0 for the first.
    const before = tf.memory().numTensors;
    const { value, gradient } = valueAndGradient([30, 0, 0], 0);
    expect(tf.memory().numTensors).toBe(before);
    const e = Math.exp(-30);
    const expected = [2 * e, -e, -e].map((g) => g / (1 + 2 * e));
    gradient.forEach((g, j) => expect(Math.abs(g - expected[j]) / Math.abs(expected[j]), `class ${j}: ${g} vs ${expected[j]}`).toBeLessThan(1e-5));
    expect(value).toBeCloseTo(0, 6);
  });

  it('has the value and gradient of log-softmax at the class, for every class of ordinary logits, scaled by the gradient from above', () => {
    const logits = [1.5, -0.3, 2.2, 0.1];
    const { probabilities } = softmaxSteps(logits);
    const before = tf.memory().numTensors;
    for (let c = 0; c < logits.length; c++) {
      // d(3 ln p_c)/dz_j = 3 ([j = c] - p_j): the gradient flowing in (3) must be applied.
      const { value, gradient } = valueAndGradient(logits, c, 3);
      expect(value, `class ${c}`).toBeCloseTo(3 * logProbability(logits, c), 5);
      gradient.forEach((g, j) => expect(g, `class ${c}, logit ${j}`).toBeCloseTo(3 * ((j === c ? 1 : 0) - probabilities[j]), 6));
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
