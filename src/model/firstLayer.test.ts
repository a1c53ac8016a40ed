import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeLayerOutputs } from './activations';
import { buildModel } from './build';
import { readFirstLayerKernels } from './firstLayer';
import { DEFAULT_SPEC } from './spec';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('readFirstLayerKernels', () => {
  it('returns conv1 per channel, so that a hand-computed sum + bias equals the layer output', async () => {
    const model = buildModel(DEFAULT_SPEC, { seed: 5 });
    // A non-zero bias, so that the test sees whether biases are read per channel.
    const [kernel] = model.getLayer('conv1').getWeights();
    const bias = tf.tidy(() => tf.range(0, 16).mul(0.01));
    model.getLayer('conv1').setWeights([kernel, bias]);
    bias.dispose();
    const before = tf.memory().numTensors;
    const first = await readFirstLayerKernels(model);
    expect(tf.memory().numTensors).toBe(before);
    expect(first).toMatchObject({ name: 'conv1', kernelHeight: 3, kernelWidth: 3, stride: 1, padding: 'valid' });
    expect(first.kernels).toHaveLength(16);
    expect(first.biases[3]).toBeCloseTo(0.03, 6);

    const image = Float32Array.from({ length: 784 }, (_, i) => ((i * 37) % 101) / 100);
    const conv1 = (await computeLayerOutputs(model, image)).find((l) => l.name === 'conv1')!;
    for (const [row, col, ch] of [
      [0, 0, 0],
      [5, 9, 3],
      [25, 25, 15],
      [12, 3, 7],
    ]) {
      let sum = first.biases[ch];
      for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) sum += image[(row + r) * 28 + col + c] * first.kernels[ch][r * 3 + c];
      expect(conv1.data[(row * 26 + col) * 16 + ch]).toBeCloseTo(sum, 4);
    }
    model.dispose();
  });
});
