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

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** "Within a minute": training gets this long at most, the held-out check the rest. */
const TRAIN_BUDGET_MS = 45_000;

describe('training presets', () => {
  it('are valid networks; default is the article network, overfitting has no dropout and few digits', () => {
    for (const id of TRAINING_PRESET_IDS) expect(validateSpec(TRAINING_PRESETS[id].spec).ok, id).toBe(true);
    expect(TRAINING_PRESETS.default.spec).toEqual(DEFAULT_SPEC);
    const over = TRAINING_PRESETS.overfitting;
    expect(over.spec.dense.every((d) => d.dropout === 0)).toBe(true);
    expect(over.run.augment).toBe(false);
    expect(over.run.trainExamples).toBeLessThanOrEqual(256);
  });

  it('"class demo" learns well above chance within a minute on the CPU backend, on the real digits', async () => {
    expect(tf.getBackend()).toBe('cpu');
    const data = trainingDataFromMnist(readMnist());
    const preset = TRAINING_PRESETS['class-demo'];
    const model = buildModel(preset.spec, { seed: 1 });
    const control = new TrainingControl();
    const started = performance.now();
    const budget = setTimeout(() => control.stop(), TRAIN_BUDGET_MS);
    const result = await trainModel(model, data, { ...preset.run, augment: null, schedule: 'constant', seed: 1 }, {}, control);
    clearTimeout(budget);
    const { accuracy } = await evaluateModel(model, data.heldOut);
    const seconds = (performance.now() - started) / 1000;
    console.info(`class demo on CPU: ${result.status}, held-out accuracy ${(accuracy * 100).toFixed(1)}% after ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(60);
    expect(accuracy).toBeGreaterThan(0.7);
    model.dispose();
  }, 120_000);
});
