import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_FILTERS } from '../core/filters';
import { readMnist } from '../data/node';
import { buildModel } from './build';
import { readFirstLayerKernels } from './firstLayer';
import { EDGE_FILTER_SCALE, edgeStartProblem, setEdgeFilterKernels } from './initFilters';
import type { ModelSpec } from './spec';
import { trainModel } from './train';
import { pickDigits, trainingDataFromMnist, type TrainingData } from './trainingData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SPEC: ModelSpec = {
  convBlocks: [{ filters: 6, kernelSize: 3, stride: 2, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }],
  dense: [{ units: 16, activation: 'relu', dropout: 0 }],
};

const mnist = readMnist();
const data: TrainingData = (() => {
  const full = trainingDataFromMnist(mnist);
  const pick = Int32Array.from({ length: 30 }, (_, i) => mnist.classStart[i % 10] + Math.floor(i / 10));
  return { train: pickDigits(mnist, pick), heldOut: { ...full.heldOut, count: 10, labels: full.heldOut.labels.subarray(0, 10) } };
})();

const edgeKernel = (f: number) => Array.from(ARTICLE_FILTERS[f].kernel.data, (v) => v * EDGE_FILTER_SCALE);

async function weightsOf(model: tf.LayersModel, name: string): Promise<Float32Array> {
  const w = model.weights.find((v) => v.originalName === name);
  if (!w) throw new Error(`no weight ${name}`);
  return Float32Array.from(await w.read().data());
}

describe('edgeStartProblem', () => {
  it('accepts a 3x3 conv1 with at least 4 kernels and names what else is missing', () => {
    expect(edgeStartProblem(SPEC)).toBeNull();
    expect(edgeStartProblem({ ...SPEC, convBlocks: [{ ...SPEC.convBlocks[0], kernelSize: 5 }] })).toBe('kernelSize');
    expect(edgeStartProblem({ ...SPEC, convBlocks: [{ ...SPEC.convBlocks[0], filters: 3 }] })).toBe('filters');
  });
});

describe('setEdgeFilterKernels', () => {
  it('puts the four scaled edge filters into conv1 and keeps the other kernels, without leaks', async () => {
    const model = buildModel(SPEC, { seed: 3 });
    const randomBefore = (await readFirstLayerKernels(model)).kernels;
    const before = tf.memory().numTensors;
    setEdgeFilterKernels(model);
    expect(tf.memory().numTensors).toBe(before);
    const first = await readFirstLayerKernels(model);
    for (let f = 0; f < 4; f++) {
      Array.from(first.kernels[f]).forEach((v, i) => expect(v).toBeCloseTo(edgeKernel(f)[i], 6));
      expect(first.biases[f]).toBe(0);
    }
    expect(Array.from(first.kernels[4])).toEqual(Array.from(randomBefore[4]));
    expect(Array.from(first.kernels[5])).toEqual(Array.from(randomBefore[5]));
    model.dispose();
  });

  it('refuses a conv1 that cannot hold the filters', () => {
    const model = buildModel({ ...SPEC, convBlocks: [{ ...SPEC.convBlocks[0], filters: 2 }] }, { seed: 1 });
    expect(() => setEdgeFilterKernels(model)).toThrow(/at least 4 kernels/);
    model.dispose();
  });
});

describe('training from the edge filters', () => {
  const run = { epochs: 1, batchSize: 10, augment: null, learningRate: 0.01, schedule: 'constant' as const, seed: 2 };

  it('frozen: conv1 stays the edge filters while the other weights learn, and is trainable again after', async () => {
    const model = buildModel(SPEC, { seed: 4 });
    setEdgeFilterKernels(model);
    const kernelBefore = await weightsOf(model, 'conv1/kernel');
    const biasBefore = await weightsOf(model, 'conv1/bias');
    const denseBefore = await weightsOf(model, 'dense1/kernel');
    const before = tf.memory().numTensors;
    const result = await trainModel(model, data, { ...run, frozenLayers: ['conv1'] });
    expect(result.status).toBe('completed');
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(await weightsOf(model, 'conv1/kernel'))).toEqual(Array.from(kernelBefore));
    expect(Array.from(await weightsOf(model, 'conv1/bias'))).toEqual(Array.from(biasBefore));
    const denseAfter = await weightsOf(model, 'dense1/kernel');
    expect(denseAfter.some((v, i) => Math.abs(v - denseBefore[i]) > 1e-6)).toBe(true);
    expect(model.getLayer('conv1').trainable).toBe(true);
    const first = await readFirstLayerKernels(model);
    Array.from(first.kernels[0]).forEach((v, i) => expect(v).toBeCloseTo(edgeKernel(0)[i], 6));
    model.dispose();
  });

  it('trainable: the edge-filter kernels move with training', async () => {
    const model = buildModel(SPEC, { seed: 4 });
    setEdgeFilterKernels(model);
    const before = tf.memory().numTensors;
    await trainModel(model, data, run);
    expect(tf.memory().numTensors).toBe(before);
    const first = await readFirstLayerKernels(model);
    const moved = Array.from(first.kernels[0]).some((v, i) => Math.abs(v - edgeKernel(0)[i]) > 1e-4);
    expect(moved).toBe(true);
    model.dispose();
  });
});
