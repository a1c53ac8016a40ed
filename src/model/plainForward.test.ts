import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../data/node';
import { computeLayerOutputs } from './activations';
import { buildModel } from './build';
import { deserialiseModel, serialiseModel } from './io';
import { PlainNetwork } from './plainForward';
import { DEFAULT_SPEC, type ModelSpec } from './spec';
import { snapshotWeights } from './weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Random weights (seeded) with biases too, so a zero-bias bug cannot hide. */
async function randomModel(spec: ModelSpec, seed: number): Promise<tf.LayersModel> {
  const model = buildModel(spec, { seed });
  const weights = model.weights.map((w, i) => tf.randomUniform(w.shape as number[], -0.6, 0.6, 'float32', seed * 31 + i));
  model.setWeights(weights);
  tf.dispose(weights);
  return model;
}

async function plainOf(model: tf.LayersModel, spec: ModelSpec): Promise<PlainNetwork> {
  return PlainNetwork.create(spec, (await snapshotWeights(model)).weights);
}

async function expectSameOutputs(model: tf.LayersModel, plain: PlainNetwork, image: Float32Array): Promise<void> {
  const expected = await computeLayerOutputs(model, image);
  const actual = plain.run(image);
  expect(actual.map((l) => [l.name, l.kind, l.shape.join('x'), l.activation])).toEqual(expected.map((l) => [l.name, l.kind, l.shape.join('x'), l.activation]));
  expected.forEach((layer, i) => {
    const scale = Math.max(1, ...Array.from(layer.data, Math.abs));
    let worst = 0;
    for (let k = 0; k < layer.data.length; k++) worst = Math.max(worst, Math.abs(actual[i].data[k] - layer.data[k]));
    expect(worst / scale, `${layer.name}`).toBeLessThan(1e-4);
  });
}

function randomImage(seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: 784 }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % 3 === 0 ? 0 : (s % 1000) / 999;
  });
}

const SPECS: Record<string, ModelSpec> = {
  'the default network': DEFAULT_SPEC,
  "'same' padding with strides 2 and 3, average and min pooling, sigmoid and tanh": {
    convBlocks: [
      { filters: 5, kernelSize: 4, stride: 2, padding: 'same', activation: 'sigmoid', pool: 'average', poolSize: 2 },
      { filters: 3, kernelSize: 5, stride: 3, padding: 'same', activation: 'tanh', pool: 'min', poolSize: 2 },
    ],
    dense: [
      { units: 7, activation: 'tanh', dropout: 0.3 },
      { units: 6, activation: 'sigmoid', dropout: 0 },
    ],
  },
  'no pooling, 1x1 and even kernels with an odd total padding, pool windows of 3 and 4, no dense layer': {
    convBlocks: [
      { filters: 4, kernelSize: 1, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 3 },
      { filters: 6, kernelSize: 4, stride: 1, padding: 'same', activation: 'relu', pool: 'none', poolSize: 2 },
      { filters: 2, kernelSize: 2, stride: 2, padding: 'valid', activation: 'sigmoid', pool: 'min', poolSize: 4 },
    ],
    dense: [],
  },
  'odd sides with a stride and odd same padding': {
    convBlocks: [{ filters: 3, kernelSize: 6, stride: 4, padding: 'same', activation: 'tanh', pool: 'average', poolSize: 3 }],
    dense: [{ units: 5, activation: 'relu', dropout: 0.5 }],
  },
};

describe('PlainNetwork', () => {
  for (const [what, spec] of Object.entries(SPECS)) {
    it(`gives every layer's output of the tfjs model: ${what}`, async () => {
      const model = await randomModel(spec, 3);
      const plain = await plainOf(model, spec);
      for (const seed of [1, 2]) await expectSameOutputs(model, plain, randomImage(seed));
      await expectSameOutputs(model, plain, new Float32Array(784));
      model.dispose();
    });
  }

  it('agrees with the tfjs model on real digits, after a save and load too', async () => {
    const data = readMnist();
    const model = await randomModel(DEFAULT_SPEC, 9);
    const reloaded = await deserialiseModel(await serialiseModel(model));
    const plain = await plainOf(reloaded, DEFAULT_SPEC);
    for (const i of [0, 1, 2, 500]) {
      const image = Float32Array.from(data.pixels.subarray(i * 784, (i + 1) * 784), (v) => v / 255);
      await expectSameOutputs(model, plain, image);
    }
    model.dispose();
    reloaded.dispose();
  });

  it('refuses weights that do not fit the spec, naming the difference', async () => {
    const model = await randomModel(DEFAULT_SPEC, 4);
    const { weights } = await snapshotWeights(model);
    model.dispose();
    expect(() => PlainNetwork.create(DEFAULT_SPEC, weights.slice(1))).toThrow(/needs 8 weights; 7/);
    const other: ModelSpec = { ...DEFAULT_SPEC, dense: [{ units: 64, activation: 'relu', dropout: 0 }] };
    expect(() => PlainNetwork.create(other, weights)).toThrow(/dense1\/kernel 800x128; the network needs dense1\/kernel 800x64/);
    const short = weights.map((w, i) => (i === 0 ? { ...w, values: w.values.subarray(1) } : w));
    expect(() => PlainNetwork.create(DEFAULT_SPEC, short)).toThrow(/Weight 1/);
    const plain = PlainNetwork.create(DEFAULT_SPEC, weights);
    expect(() => plain.run(new Float32Array(10))).toThrow(/784/);
  });
});
