import type { OptimizerName } from '../model/train';

/** Settings a student picks for a run (the rest of TrainOptions keeps its defaults). */
export interface RunSettings {
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly trainExamples: number;
  readonly augment: boolean;
  readonly start: 'scratch' | 'pretrained' | 'current';
}

export const DEFAULT_RUN: RunSettings = { optimizer: 'adam', learningRate: 0.002, batchSize: 32, epochs: 2, trainExamples: 3000, augment: false, start: 'scratch' };
