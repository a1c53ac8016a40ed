import { describe, expect, it } from 'vitest';
import { DEFAULT_AUGMENT } from '../../model/augment';
import { TRAINING_PRESETS } from '../../model/presets';
import { DEFAULT_SPEC, type ModelSpec } from '../../model/spec';
import type { TrainingData } from '../../model/trainingData';
import { DEFAULT_RUN, type RunSettings } from '../../state/runSettings';
import { runFirstLayerOf, runSpecOf, trainRequestOf } from './trainRequest';

const designed: ModelSpec = TRAINING_PRESETS[Object.keys(TRAINING_PRESETS)[0] as keyof typeof TRAINING_PRESETS].spec;
const trained: ModelSpec = { ...DEFAULT_SPEC, dense: [] };
const data: TrainingData = {
  train: { count: 1, pixels: new Uint8Array(784), labels: new Uint8Array([3]) },
  heldOut: { count: 1, pixels: new Uint8Array(784), labels: new Uint8Array([4]) },
};

describe('the network a run trains', () => {
  it('is the designed one from scratch, the shipped one to fine-tune, the trained one to continue', () => {
    expect(runSpecOf('scratch', designed, trained)).toBe(designed);
    expect(runSpecOf('pretrained', designed, trained)).toBe(DEFAULT_SPEC);
    expect(runSpecOf('current', designed, trained)).toBe(trained);
    expect(runSpecOf('current', designed, null)).toBe(designed);
  });

  it('starts its first layer as picked only from scratch', () => {
    expect(runFirstLayerOf('scratch', 'edge-frozen')).toBe('edge-frozen');
    expect(runFirstLayerOf('pretrained', 'edge-frozen')).toBe('random');
    expect(runFirstLayerOf('current', 'edge-trainable')).toBe('random');
  });
});

describe('trainRequestOf', () => {
  it('carries the settings picked, the learning-rate schedule included, with distortions when asked', () => {
    const settings: RunSettings = {
      ...DEFAULT_RUN,
      optimizer: 'sgd',
      learningRate: 0.05,
      batchSize: 128,
      epochs: 3,
      trainExamples: 500,
      augment: true,
      start: 'pretrained',
    };
    const request = trainRequestOf({ settings, spec: DEFAULT_SPEC, firstLayer: 'random', data, gradientEvery: 5, seed: 1234 });
    expect(request).toEqual({
      spec: DEFAULT_SPEC,
      start: 'pretrained',
      firstLayer: 'random',
      data,
      options: {
        optimizer: 'sgd',
        learningRate: 0.05,
        schedule: 'constant',
        batchSize: 128,
        epochs: 3,
        trainExamples: 500,
        augment: DEFAULT_AUGMENT,
        seed: 1234,
        yieldEveryMs: 50,
        gradientEvery: 5,
      },
    });
    expect(
      trainRequestOf({ settings: { ...settings, schedule: 'cosine' }, spec: DEFAULT_SPEC, firstLayer: 'random', data, gradientEvery: 5, seed: 1 }).options
        .schedule,
    ).toBe('cosine');
    expect(
      trainRequestOf({ settings: { ...settings, augment: false }, spec: designed, firstLayer: 'edge-frozen', data, gradientEvery: 0, seed: 7 }),
    ).toMatchObject({
      spec: designed,
      firstLayer: 'edge-frozen',
      options: { augment: null, seed: 7, gradientEvery: 0 },
    });
  });
});
