import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from './build';
import { DEFAULT_SPEC, layerShapes, parameterCount, validateSpec, type Activation, type ConvBlockSpec, type ModelSpec, type Pooling } from './spec';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const block = (overrides: Partial<ConvBlockSpec> = {}): ConvBlockSpec => ({
  filters: 2,
  kernelSize: 3,
  stride: 1,
  padding: 'same',
  activation: 'relu',
  pool: 'max',
  poolSize: 2,
  ...overrides,
});

const ACTIVATIONS: Activation[] = ['relu', 'sigmoid', 'tanh'];
const POOLINGS: Pooling[] = ['max', 'average', 'min', 'none'];

/** Specs with 1..4 blocks covering every pooling and activation, and 0..3 dense layers. */
function variedSpecs(): ModelSpec[] {
  const specs: ModelSpec[] = [];
  for (let blocks = 1; blocks <= 4; blocks++) {
    POOLINGS.forEach((pool, p) => {
      specs.push({
        convBlocks: Array.from({ length: blocks }, (_, b) =>
          block({ filters: 2 + b, activation: ACTIVATIONS[(b + p) % 3], pool: b === 0 ? pool : 'max', padding: b === 1 ? 'valid' : 'same' }),
        ),
        dense: Array.from({ length: blocks - 1 }, (_, d) => ({ units: 3 + d, activation: ACTIVATIONS[(d + p) % 3], dropout: d === 0 ? 0.25 : 0 })),
      });
    });
  }
  specs.push({ convBlocks: [block({ kernelSize: 5, stride: 2, padding: 'valid', pool: 'average', poolSize: 3 })], dense: [] });
  return specs;
}

describe('validateSpec', () => {
  it('accepts the default spec and varied valid specs', () => {
    expect(validateSpec(DEFAULT_SPEC)).toEqual({ ok: true });
    for (const spec of variedSpecs()) expect(validateSpec(spec)).toEqual({ ok: true });
  });

  it('refuses a block that shrinks the map below 1x1, naming the block and the size', () => {
    const spec: ModelSpec = { convBlocks: [block({ padding: 'valid' }), block({ padding: 'valid' }), block({ kernelSize: 5, padding: 'valid' })], dense: [] };
    // 28 -> conv 26 -> pool 13 -> conv 11 -> pool 5 -> a 5x5 kernel leaves 1x1, then pooling fails.
    const check = validateSpec(spec);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/^Block 3 would shrink the 5×5 map below 1×1/);

    const tooBigKernel = validateSpec({ convBlocks: [block({ padding: 'valid', poolSize: 4 }), block({ kernelSize: 9, padding: 'valid' })], dense: [] });
    expect(tooBigKernel.ok).toBe(false);
    if (!tooBigKernel.ok) expect(tooBigKernel.message).toMatch(/^Block 2 would shrink the 6×6 map below 1×1: a 9×9 kernel/);
  });

  it.each([
    [{ convBlocks: [], dense: [] }, /1 to 4 conv blocks \(got 0\)/],
    [{ convBlocks: Array.from({ length: 5 }, () => block()), dense: [] }, /1 to 4 conv blocks \(got 5\)/],
    [{ convBlocks: [block()], dense: Array.from({ length: 4 }, () => ({ units: 4, activation: 'relu', dropout: 0 })) }, /0 to 3 dense layers/],
    [{ convBlocks: [block({ filters: 0 })], dense: [] }, /Block 1: filters must be a whole number from 1 to 128 \(got 0\)/],
    [{ convBlocks: [block(), block({ kernelSize: 2.5 })], dense: [] }, /Block 2: kernel size/],
    [{ convBlocks: [block({ activation: 'gelu' as Activation })], dense: [] }, /Block 1: activation must be one of relu, sigmoid, tanh/],
    [{ convBlocks: [block({ pool: 'median' as Pooling })], dense: [] }, /Block 1: pooling must be one of/],
    [{ convBlocks: [block()], dense: [{ units: 8, activation: 'relu', dropout: 0.95 }] }, /Dense layer 1: dropout must be a rate from 0 to 0.9/],
    [{ convBlocks: [block()], dense: [{ units: 2000, activation: 'relu', dropout: 0 }] }, /Dense layer 1: units/],
  ] as [ModelSpec, RegExp][])('refuses %j', (spec, message) => {
    const check = validateSpec(spec);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(message);
  });

  it('refuses things that are not specs', () => {
    expect(validateSpec(null as unknown as ModelSpec).ok).toBe(false);
    expect(validateSpec({ convBlocks: [null] } as unknown as ModelSpec).ok).toBe(false);
  });
});

describe('buildModel and layerShapes', () => {
  it('builds every valid spec with the layers, names and shapes layerShapes predicts', () => {
    for (const spec of variedSpecs()) {
      const model = buildModel(spec);
      const layers = model.layers.slice(1);
      const expected = layerShapes(spec);
      expect(layers.map((l) => l.name)).toEqual(expected.map((l) => l.name));
      layers.forEach((layer, i) => expect((layer.outputShape as number[]).slice(1)).toEqual(expected[i].shape));
      expect(model.countParams()).toBe(parameterCount(spec));
      expect(model.outputs[0].shape).toEqual([null, 10]);
      model.dispose();
    }
  });

  it('lays out the default spec as the article describes', () => {
    const names = layerShapes(DEFAULT_SPEC).map((l) => `${l.name} ${l.kind} ${l.shape.join('x')}`);
    expect(names).toEqual([
      'conv1 conv 26x26x16',
      'conv1_relu activation 26x26x16',
      'pool1 pool 13x13x16',
      'conv2 conv 11x11x32',
      'conv2_relu activation 11x11x32',
      'pool2 pool 5x5x32',
      'flatten flatten 800',
      'dense1 dense 128',
      'dense1_relu activation 128',
      'dropout1 dropout 128',
      'logits logits 10',
      'softmax softmax 10',
    ]);
  });

  it('uses only built-in tfjs layers for the default spec', () => {
    const model = buildModel(DEFAULT_SPEC);
    const builtIn = ['InputLayer', 'Conv2D', 'Activation', 'MaxPooling2D', 'Flatten', 'Dense', 'Dropout'];
    expect(model.layers.every((l) => builtIn.includes(l.getClassName()))).toBe(true);
    model.dispose();
  });

  it('refuses an invalid spec with its message', () => {
    expect(() => buildModel({ convBlocks: [block({ filters: 0 })], dense: [] })).toThrow(/Block 1: filters/);
  });

  it('gives the same weights for the same seed, other weights for another seed', async () => {
    const [a, b, c] = [1, 1, 2].map((seed) => buildModel(DEFAULT_SPEC, { seed }));
    const first = (m: tf.LayersModel) => Array.from(m.getWeights()[0].dataSync());
    expect(first(a)).toEqual(first(b));
    expect(first(a)).not.toEqual(first(c));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('gives the same weights for seeds that put a layer at seed 0 (which tfjs takes for no seed)', () => {
    for (const seed of [0, -2]) {
      const [a, b] = [seed, seed].map((s) => buildModel(DEFAULT_SPEC, { seed: s }));
      a.getWeights().forEach((w, i) => expect(Array.from(w.dataSync())).toEqual(Array.from(b.getWeights()[i].dataSync())));
      [a, b].forEach((m) => m.dispose());
    }
  });
});
