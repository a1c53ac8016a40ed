import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../data/node';
import { buildModel } from './build';
import type { ModelSpec } from './spec';
import { maskedLayerOf, rebuildStepMask } from './stepMask';
import { trainModel } from './train';
import type { DropoutMaskReport } from './trainMetrics';
import { pickDigits, trainingDataFromMnist, type TrainingData } from './trainingData';
import { loadWasmInNode } from './wasmTestSupport';

beforeAll(async () => {
  await loadWasmInNode();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

const BLOCK = { filters: 3, kernelSize: 3, stride: 2, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 } as const;
/**
 * Sigmoid dense layers: their outputs are never exactly 0, so a 0 after the Dropout layer
 * can only be a dropped unit, and the captured output tells the whole mask.
 */
const TWO_DROPOUTS: ModelSpec = {
  convBlocks: [BLOCK],
  dense: [
    { units: 40, activation: 'sigmoid', dropout: 0.5 },
    { units: 12, activation: 'sigmoid', dropout: 0.3 },
  ],
};
const SECOND_ONLY: ModelSpec = {
  convBlocks: [BLOCK],
  dense: [
    { units: 20, activation: 'sigmoid', dropout: 0 },
    { units: 33, activation: 'sigmoid', dropout: 0.25 },
  ],
};

const mnist = readMnist();
const data: TrainingData = (() => {
  const full = trainingDataFromMnist(mnist);
  const picked = Int32Array.from({ length: 40 }, (_, i) => mnist.classStart[i % 10] + Math.floor(i / 10));
  return { train: pickDigits(mnist, picked), heldOut: { ...full.heldOut, count: 10, labels: full.heldOut.labels.subarray(0, 10) } };
})();

/** What one training step's Dropout layer really did to the first digit of its batch. */
interface Captured {
  readonly input: Float32Array;
  readonly output: Float32Array;
}

/** Records, at every training-mode call of the named layer, its input and output for the batch's first digit. */
function captureLayer(model: tf.LayersModel, name: string): Captured[] {
  const layer = model.getLayer(name);
  const call = layer.call.bind(layer);
  const captured: Captured[] = [];
  layer.call = (inputs, kwargs) => {
    const output = call(inputs, kwargs) as tf.Tensor;
    if (kwargs.training) {
      const input = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor;
      const units = input.shape[1] as number;
      captured.push({ input: input.dataSync().slice(0, units) as Float32Array, output: output.dataSync().slice(0, units) as Float32Array });
    }
    return output;
  };
  return captured;
}

async function trainAndCapture(backend: string, spec: ModelSpec, maskEveryMs: number) {
  expect(await tf.setBackend(backend)).toBe(true);
  const model = buildModel(spec, { seed: 4 });
  const layer = maskedLayerOf(model);
  if (!layer) throw new Error('The test network has no dropout.');
  const captured = captureLayer(model, layer.name);
  const reports: DropoutMaskReport[] = [];
  const before = tf.memory().numTensors;
  await trainModel(
    model,
    data,
    { epochs: 2, batchSize: 8, trainExamples: 40, augment: null, seed: 11, maskEveryMs, yieldEveryMs: 1e9 },
    { onDropoutMask: (mask) => void reports.push(mask) },
  );
  const leaked = tf.memory().numTensors - before;
  model.dispose();
  return { layer, captured, reports, leaked };
}

describe.each(['cpu', 'wasm'])('the masks a run reports, on the %s backend', (backend) => {
  it.each([
    ['the first of two dropout layers', TWO_DROPOUTS, 'dropout1', 40, 0.5],
    ['the only dropout layer, after a dense layer without', SECOND_ONLY, 'dropout2', 33, 0.25],
  ] as const)('are the masks the training steps applied: %s', async (_, spec, name, units, rate) => {
    const { layer, captured, reports, leaked } = await trainAndCapture(backend, spec, 0);
    expect(layer).toMatchObject({ name, units, rate });
    // 2 epochs of 5 batches: every step reported, in order.
    expect(captured).toHaveLength(10);
    expect(reports.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    let droppedSomewhere = 0;
    for (const report of reports) {
      const { input, output } = captured[report.step - 1];
      expect(input.every((v) => v !== 0)).toBe(true);
      const applied = Array.from(output, (v) => (v === 0 ? 0 : 1));
      expect(Array.from(report.kept)).toEqual(applied);
      expect(report).toMatchObject({ layer: name, units, rate });
      expect(report.scale).toBeCloseTo(1 / (1 - rate), 5);
      output.forEach((v, i) => {
        if (v !== 0) expect(v / input[i]).toBeCloseTo(report.scale, 4);
      });
      droppedSomewhere += applied.filter((k) => k === 0).length;
    }
    // Different steps, different masks.
    expect(new Set(reports.map((r) => r.kept.join(''))).size).toBe(reports.length);
    expect(droppedSomewhere).toBeGreaterThan(0);
    expect(leaked).toBe(0);
  });
});

describe('reporting masks', () => {
  it('reports no more often than maskEveryMs', async () => {
    const { reports, captured } = await trainAndCapture('cpu', TWO_DROPOUTS, 1e9);
    expect(captured).toHaveLength(10);
    expect(reports.map((r) => r.step)).toEqual([1]);
  });

  it('reports nothing when the network drops nothing', async () => {
    await tf.setBackend('cpu');
    const model = buildModel({ convBlocks: [BLOCK], dense: [{ units: 8, activation: 'relu', dropout: 0 }] }, { seed: 1 });
    expect(maskedLayerOf(model)).toBeNull();
    const reports: DropoutMaskReport[] = [];
    await trainModel(
      model,
      data,
      { epochs: 1, batchSize: 8, trainExamples: 16, augment: null, maskEveryMs: 0 },
      { onDropoutMask: (m) => void reports.push(m) },
    );
    model.dispose();
    expect(reports).toEqual([]);
  });

  it('rebuilds the same mask from the same seed, leaks nothing, and refuses impossible settings', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const a = await rebuildStepMask(64, 0.5, 12345);
    const b = await rebuildStepMask(64, 0.5, 12345);
    const c = await rebuildStepMask(64, 0.5, 12346);
    expect(a.kept).toEqual(b.kept);
    expect(a.kept).not.toEqual(c.kept);
    expect(tf.memory().numTensors).toBe(before);
    await expect(rebuildStepMask(0, 0.5, 1)).rejects.toThrow(RangeError);
    await expect(rebuildStepMask(8, 0, 1)).rejects.toThrow(RangeError);
    await expect(rebuildStepMask(8, 0.5, 0)).rejects.toThrow(RangeError);
  });
});
