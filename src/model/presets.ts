import { DEFAULT_SPEC, type ModelSpec } from './spec';
import type { FirstLayerStart } from './firstLayerStart';
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
  /** How conv1 starts a run from scratch: random kernels, or the article's edge filters. */
  readonly firstLayer: FirstLayerStart;
}

export interface TrainingPreset {
  readonly id: TrainingPresetId;
  readonly spec: ModelSpec;
  readonly run: PresetRun;
}

/**
 * - default: the article's network on 3,000 digits for 2 epochs.
 * - class-demo: two small convolution blocks (8 and 16 kernels, each max-pooled, conv1
 *   starting from the article's edge filters) and a dense layer of 64, on all 9,000 training
 *   digits with distortions, 8 epochs, the learning rate falling on a cosine: chosen (on a
 *   validation slice of the training digits, `scripts/tune-class-demo.ts`) to pass 97 %
 *   held-out within about a minute on tfjs's wasm backend, which trains small networks
 *   thousands of digits a second.
 * - overfitting: a big fully connected layer without dropout on only 100 digits for 10
 *   epochs: training accuracy reaches 100% while held-out accuracy stays far behind.
 */
export const TRAINING_PRESETS: Readonly<Record<TrainingPresetId, TrainingPreset>> = {
  default: {
    id: 'default',
    spec: DEFAULT_SPEC,
    run: { optimizer: 'adam', learningRate: 0.002, schedule: 'constant', batchSize: 32, epochs: 2, trainExamples: 3000, augment: false, firstLayer: 'random' },
  },
  'class-demo': {
    id: 'class-demo',
    spec: {
      convBlocks: [
        { filters: 8, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 },
        { filters: 16, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 },
      ],
      dense: [{ units: 64, activation: 'relu', dropout: 0 }],
    },
    run: {
      optimizer: 'adam',
      learningRate: 0.005,
      schedule: 'cosine',
      batchSize: 32,
      epochs: 8,
      trainExamples: 9000,
      augment: true,
      firstLayer: 'edge-trainable',
    },
  },
  overfitting: {
    id: 'overfitting',
    spec: {
      convBlocks: [{ filters: 16, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }],
      dense: [{ units: 256, activation: 'relu', dropout: 0 }],
    },
    run: { optimizer: 'adam', learningRate: 0.002, schedule: 'constant', batchSize: 16, epochs: 10, trainExamples: 100, augment: false, firstLayer: 'random' },
  },
};
