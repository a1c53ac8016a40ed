import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeLayerOutputs, predict, predictBatch } from './activations';
import { buildModel } from './build';
import { DEFAULT_SPEC, layerShapes, type ModelSpec } from './spec';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A blurry ring, standing in for a digit. */
function ringImage(): Float32Array {
  return Float32Array.from({ length: 784 }, (_, i) => {
    const r = Math.hypot((i % 28) - 13.5, Math.floor(i / 28) - 13.5);
    return Math.max(0, 1 - Math.abs(r - 7) / 2);
  });
}

const MIN_POOL_SPEC: ModelSpec = {
  convBlocks: [
    { filters: 4, kernelSize: 5, stride: 1, padding: 'same', activation: 'sigmoid', pool: 'min', poolSize: 2 },
    { filters: 3, kernelSize: 3, stride: 2, padding: 'valid', activation: 'tanh', pool: 'none', poolSize: 2 },
  ],
  dense: [{ units: 5, activation: 'relu', dropout: 0.3 }],
};

describe('computeLayerOutputs', () => {
  const model = buildModel(DEFAULT_SPEC, { seed: 3 });
  afterAll(() => model.dispose());

  it('frees its tensors when the guard gives up on the read (a lost GPU never answers)', async () => {
    await computeLayerOutputs(model, ringImage());
    const before = tf.memory().numTensors;
    const giveUp = <T>(work: Promise<T>): Promise<T> => {
      void work.catch(() => undefined);
      return Promise.reject(new Error('The WebGL context was lost.'));
    };
    await expect(computeLayerOutputs(model, ringImage(), giveUp)).rejects.toThrow('The WebGL context was lost.');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('returns every layer, in order, with its kind, shape and (for an activation layer) its function', async () => {
    for (const spec of [DEFAULT_SPEC, MIN_POOL_SPEC]) {
      const m = spec === DEFAULT_SPEC ? model : buildModel(spec, { seed: 1 });
      const outputs = await computeLayerOutputs(m, ringImage());
      expect(outputs.map((o) => [o.name, o.kind, o.shape, o.activation])).toEqual(
        layerShapes(spec).map((l) => [l.name, l.kind, l.shape, l.kind === 'activation' ? l.activation : undefined]),
      );
      outputs.forEach((o) => expect(o.data.length).toBe(o.shape.reduce((a, b) => a * b, 1)));
      if (m !== model) m.dispose();
    }
  });

  it('gives consistent values: activation of conv, pooling of activation, softmax of logits', async () => {
    const byName = new Map((await computeLayerOutputs(model, ringImage())).map((o) => [o.name, o]));
    const conv = byName.get('conv1')!.data;
    const relu = byName.get('conv1_relu')!.data;
    relu.forEach((v, i) => expect(v).toBe(Math.max(0, conv[i])));
    // pool1 (0, 0, channel 5) is the max of conv1_relu rows 0-1, columns 0-1, channel 5.
    const at = (r: number, c: number) => relu[(r * 26 + c) * 16 + 5];
    expect(byName.get('pool1')!.data[5]).toBe(Math.max(at(0, 0), at(0, 1), at(1, 0), at(1, 1)));
    expect(Array.from(byName.get('dropout1')!.data)).toEqual(Array.from(byName.get('dense1_relu')!.data));
    const logits = Array.from(byName.get('logits')!.data);
    const exp = logits.map((z) => Math.exp(z - Math.max(...logits)));
    const probs = byName.get('softmax')!.data;
    exp.forEach((e, k) => expect(probs[k]).toBeCloseTo(e / exp.reduce((a, b) => a + b), 5));
  });

  it('hands out arrays the caller owns', async () => {
    const first = await computeLayerOutputs(model, ringImage());
    const keep = Array.from(first[0].data);
    first.forEach((o) => o.data.fill(-1));
    const second = await computeLayerOutputs(model, ringImage());
    expect(Array.from(second[0].data)).toEqual(keep);
  });

  it('leaves no tensors behind after 20 calls', async () => {
    const fresh = buildModel(MIN_POOL_SPEC);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await computeLayerOutputs(fresh, ringImage());
    for (let i = 0; i < 20; i++) await predict(fresh, ringImage());
    expect(tf.memory().numTensors).toBe(before);
    fresh.dispose();
  });

  it('refuses an image that is not 28x28', async () => {
    await expect(computeLayerOutputs(model, new Float32Array(100))).rejects.toThrow(/784/);
  });
});

describe('predict', () => {
  it('returns the softmax layer of computeLayerOutputs, and one row per image in a batch', async () => {
    const model = buildModel(DEFAULT_SPEC, { seed: 5 });
    const image = ringImage();
    const probs = await predict(model, image);
    const outputs = await computeLayerOutputs(model, image);
    expect(probs).toHaveLength(10);
    Array.from(outputs[outputs.length - 1].data).forEach((p, k) => expect(probs[k]).toBeCloseTo(p, 6));
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const batch = new Float32Array(3 * 784);
    batch.set(image, 2 * 784);
    const rows = await predictBatch(model, batch);
    expect(rows).toHaveLength(30);
    Array.from(rows.subarray(20, 30)).forEach((p, k) => expect(p).toBeCloseTo(probs[k], 6));
    model.dispose();
  });
});
