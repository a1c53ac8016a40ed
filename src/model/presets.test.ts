import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../data/node';
import { buildModel } from './build';
import { TRAINING_PRESET_IDS, TRAINING_PRESETS } from './presets';
import { DEFAULT_SPEC, validateSpec } from './spec';
import { evaluateModel } from './evaluate';
import { trainModel } from './train';
import { TrainingControl } from './trainingControl';
import { trainingDataFromMnist } from './trainingData';
import { DEFAULT_AUGMENT } from './augment';
import { edgeStartProblem } from './firstLayerStart';
import { setEdgeFilterKernels } from './initFilters';
import { loadWasmInNode } from './wasmTestSupport';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Digits in one pass over the training set. */
const ONE_PASS = 9000;

describe('training presets', () => {
  it('are valid networks; default is the article network, overfitting has no dropout and few digits', () => {
    for (const id of TRAINING_PRESET_IDS) expect(validateSpec(TRAINING_PRESETS[id].spec).ok, id).toBe(true);
    expect(TRAINING_PRESETS.default.spec).toEqual(DEFAULT_SPEC);
    const over = TRAINING_PRESETS.overfitting;
    expect(over.spec.dense.every((d) => d.dropout === 0)).toBe(true);
    expect(over.run.augment).toBe(false);
    expect(over.run.trainExamples).toBeLessThanOrEqual(256);
  });

  it('"class demo" starts conv1 from the edge filters, which its network allows', () => {
    const preset = TRAINING_PRESETS['class-demo'];
    expect(preset.run.firstLayer).toBe('edge-trainable');
    expect(edgeStartProblem(preset.spec)).toBeNull();
  });

  it('"class demo" passes 93 % held-out after one pass over the digits on the wasm backend, on the real digits', async () => {
    await loadWasmInNode();
    expect(await tf.setBackend('wasm')).toBe(true);
    const data = trainingDataFromMnist(readMnist());
    const preset = TRAINING_PRESETS['class-demo'];
    const before = tf.memory().numTensors;
    const model = buildModel(preset.spec, { seed: 1 });
    setEdgeFilterKernels(model);
    const control = new TrainingControl();
    const started = performance.now();
    // The preset's run, stopped once it has seen 9,000 digits (its first of 8 epochs).
    const result = await trainModel(
      model,
      data,
      { ...preset.run, augment: DEFAULT_AUGMENT, seed: 1 },
      {
        onBatch: (m) => {
          if (m.examplesSeen >= ONE_PASS) control.stop();
        },
      },
      control,
    );
    const { accuracy } = await evaluateModel(model, data.heldOut);
    const seconds = (performance.now() - started) / 1000;
    console.info(`class demo on wasm: ${result.status}, held-out accuracy ${(accuracy * 100).toFixed(1)}% after ${ONE_PASS} digits, ${seconds.toFixed(1)} s`);
    expect(result.status).toBe('stopped');
    expect(accuracy).toBeGreaterThan(0.93);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await tf.setBackend('cpu');
  }, 240_000);
});
