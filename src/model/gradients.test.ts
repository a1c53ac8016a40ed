import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../data/node';
import { buildModel } from './build';
import { measureGradientSizes } from './gradients';
import type { Activation, ModelSpec } from './spec';
import { trainModel } from './train';
import type { BatchMetrics } from './trainMetrics';
import { pickDigits, trainingDataFromMnist } from './trainingData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const mnist = readMnist();
const full = trainingDataFromMnist(mnist);
/** 20 real training digits, two of each class. */
const digits = pickDigits(
  mnist,
  Int32Array.from({ length: 20 }, (_, i) => mnist.classStart[i % 10] + Math.floor(i / 10)),
);
const images = Float32Array.from(digits.pixels, (v) => v / 255);

/** Four convolutions and three dense layers, all with the same non-linearity. */
function deepStack(activation: Activation): ModelSpec {
  // Small maps (the first convolution strides by 2) keep the CPU backward pass fast.
  const block = { filters: 4, kernelSize: 3, stride: 1, padding: 'same' as const, activation, pool: 'none' as const, poolSize: 2 };
  return {
    convBlocks: [{ ...block, stride: 2, padding: 'valid' }, block, block, { ...block, pool: 'max', poolSize: 2 }],
    dense: [0, 1, 2].map(() => ({ units: 16, activation, dropout: 0 })),
  };
}

describe('measureGradientSizes', () => {
  it('gives a finite, positive size for every kernel, in layer order, and leaks nothing', async () => {
    const model = buildModel(deepStack('relu'), { seed: 4 });
    const before = tf.memory().numTensors;
    const sizes = await measureGradientSizes(model, images, digits.labels);
    expect(tf.memory().numTensors).toBe(before);
    expect(sizes.map((s) => s.layer)).toEqual(['conv1', 'conv2', 'conv3', 'conv4', 'dense1', 'dense2', 'dense3', 'logits']);
    for (const s of sizes) {
      expect(Number.isFinite(s.meanAbs), s.layer).toBe(true);
      expect(s.meanAbs, s.layer).toBeGreaterThan(0);
    }
    model.dispose();
  });

  it('shows the vanishing gradient: a deep sigmoid stack gets a far smaller first-layer gradient than ReLU', async () => {
    const ratios: number[] = [];
    for (const seed of [1, 2]) {
      const sigmoid = buildModel(deepStack('sigmoid'), { seed });
      const relu = buildModel(deepStack('relu'), { seed });
      const [s, r] = [await measureGradientSizes(sigmoid, images, digits.labels), await measureGradientSizes(relu, images, digits.labels)];
      ratios.push(s[0].meanAbs / r[0].meanAbs);
      console.info(`seed ${seed}: conv1 gradient sigmoid ${s[0].meanAbs.toExponential(2)}, relu ${r[0].meanAbs.toExponential(2)}`);
      // In the sigmoid stack the gradient shrinks on its way back: conv1 gets less than logits.
      expect(s[0].meanAbs).toBeLessThan(s[s.length - 1].meanAbs);
      sigmoid.dispose();
      relu.dispose();
    }
    for (const ratio of ratios) expect(ratio).toBeLessThan(0.05);
  });
});

describe('trainModel gradient sizes', () => {
  it('reports them every N batches through onBatch, and leaks nothing', async () => {
    const model = buildModel(
      { convBlocks: [{ filters: 4, kernelSize: 3, stride: 2, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }], dense: [] },
      { seed: 1 },
    );
    const before = tf.memory().numTensors;
    const batches: BatchMetrics[] = [];
    const data = { train: digits, heldOut: { ...full.heldOut, count: 20, labels: full.heldOut.labels.subarray(0, 20) } };
    await trainModel(model, data, { epochs: 1, batchSize: 8, augment: null, gradientEvery: 2, seed: 1 }, { onBatch: (m) => void batches.push(m) });
    expect(tf.memory().numTensors).toBe(before);
    expect(batches.map((b) => b.gradients !== undefined)).toEqual([true, false, true]);
    expect(batches[0].gradients!.map((g) => g.layer)).toEqual(['conv1', 'logits']);
    expect(batches[0].gradients!.every((g) => g.meanAbs > 0 && Number.isFinite(g.meanAbs))).toBe(true);
    model.dispose();
  });
});
