import { DEFAULT_SPEC, type ModelSpec } from './spec';
import type { LearningRateSchedule, OptimizerName } from './trainOptions';

/** The training presets a teacher can pick in one click. */
export type TrainingPresetId = 'default' | 'class-demo' | 'overfitting';

export const TRAINING_PRESET_IDS: readonly TrainingPresetId[] = ['default', 'class-demo', 'overfitting'];

/** The run settings a preset sets (the training panel's controls). */
export interface PresetRun {
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  /** Constant, or cosine decay from `learningRate` to a fiftieth of it over the run. */
  readonly schedule: LearningRateSchedule;
  readonly batchSize: number;
  readonly epochs: number;
  readonly trainExamples: number;
  readonly augment: boolean;
}

export interface TrainingPreset {
  readonly id: TrainingPresetId;
  readonly spec: ModelSpec;
  readonly run: PresetRun;
}

/**
 * - default: the article's network on 3,000 digits for 2 epochs.
 * - class-demo: one small convolution (8 kernels, stride 2) straight into the output layer,
 *   1,000 digits, 1 epoch: learns visibly (well above chance) within a minute even on the
 *   CPU backend.
 * - overfitting: a big fully connected layer without dropout on only 100 digits for 10
 *   epochs: training accuracy reaches 100% while held-out accuracy stays far behind.
 */
export const TRAINING_PRESETS: Readonly<Record<TrainingPresetId, TrainingPreset>> = {
  default: {
    id: 'default',
    spec: DEFAULT_SPEC,
    run: { optimizer: 'adam', learningRate: 0.002, schedule: 'constant', batchSize: 32, epochs: 2, trainExamples: 3000, augment: false },
  },
  'class-demo': {
    id: 'class-demo',
    spec: {
      convBlocks: [{ filters: 8, kernelSize: 3, stride: 2, padding: 'valid', activation: 'relu', pool: 'none', poolSize: 2 }],
      dense: [],
    },
    run: { optimizer: 'adam', learningRate: 0.01, schedule: 'constant', batchSize: 32, epochs: 1, trainExamples: 1000, augment: false },
  },
  overfitting: {
    id: 'overfitting',
    spec: {
      convBlocks: [{ filters: 16, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }],
      dense: [{ units: 256, activation: 'relu', dropout: 0 }],
    },
    run: { optimizer: 'adam', learningRate: 0.002, schedule: 'constant', batchSize: 16, epochs: 10, trainExamples: 100, augment: false },
  },
};
