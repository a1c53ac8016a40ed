import type { PresetRun } from '../model/presets';

/** Settings a student picks for a run (the rest of TrainOptions keeps its defaults). */
export interface RunSettings extends PresetRun {
  readonly start: 'scratch' | 'pretrained' | 'current';
}

export const DEFAULT_RUN: RunSettings = {
  optimizer: 'adam',
  learningRate: 0.002,
  schedule: 'constant',
  batchSize: 32,
  epochs: 2,
  trainExamples: 3000,
  augment: false,
  firstLayer: 'random',
  start: 'scratch',
};
