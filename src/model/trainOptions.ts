import type { LearningRateSchedule } from '../core/learningRate';
import { DEFAULT_AUGMENT, type AugmentOptions } from './augment';

export type { LearningRateSchedule } from '../core/learningRate';

/** The optimisers a student can pick. 'sgd' is plain gradient descent (no momentum). */
export type OptimizerName = 'adam' | 'sgd' | 'rmsprop';

/** Settings of a training run. */
export interface TrainOptions {
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly schedule: LearningRateSchedule;
  /** With the cosine schedule, the last learning rate as a fraction of the first. */
  readonly finalLearningRateFactor: number;
  readonly batchSize: number;
  readonly epochs: number;
  /** How many training digits to use (a seeded random subset; at most all of them). */
  readonly trainExamples: number;
  /** Random distortions of the training digits, or null for none. */
  readonly augment: AugmentOptions | null;
  /** Seeds the subset, the shuffling, the augmentation and the dropout masks. */
  readonly seed: number;
  /** Give the event loop a turn at least this often (ms), so the page stays responsive. */
  readonly yieldEveryMs: number;
  /** Digits per forward pass of the held-out evaluation. */
  readonly evalBatchSize: number;
  /**
   * Measure each layer's kernel gradient size every this many batches (0: never). It reuses
   * the gradients of the training step, so it costs one small extra reduction.
   */
  readonly gradientEvery: number;
  /**
   * Names of layers whose weights this run leaves unchanged (e.g. `['conv1']`): they are
   * marked not trainable while the run lasts, so the optimiser never sees them.
   */
  readonly frozenLayers: readonly string[];
  /**
   * Report the dropout mask of a training step (to `onDropoutMask`) at most this often (ms);
   * rebuilding one from its step's seed costs one tiny extra op.
   */
  readonly maskEveryMs: number;
}

/**
 * The defaults of a run. `npm run train` uses them for its distorted phase (18 epochs),
 * then trains 4 more epochs on undistorted digits at a constant tenth of the learning rate
 * and ships the mean of those epochs' end weights (see scripts/train.ts).
 */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = Object.freeze({
  optimizer: 'adam',
  learningRate: 0.002,
  schedule: 'cosine',
  finalLearningRateFactor: 0.02,
  batchSize: 64,
  epochs: 18,
  trainExamples: Number.POSITIVE_INFINITY,
  augment: DEFAULT_AUGMENT,
  seed: 1,
  yieldEveryMs: 125,
  evalBatchSize: 500,
  gradientEvery: 0,
  frozenLayers: [],
  maskEveryMs: 250,
});

/** A run's settings, complete, with the number of training digits it uses (`examples`). */
export type RunOptions = TrainOptions & { readonly examples: number };

/**
 * The defaults with `partial` over them, checked, for a run on `trainCount` training digits.
 * @throws RangeError for a batch size or epoch count that is not a whole number >= 1, a
 *   learning rate that is not positive, or no training digit at all
 */
export function resolveOptions(partial: Partial<TrainOptions>, trainCount: number): RunOptions {
  const options = { ...DEFAULT_TRAIN_OPTIONS, ...partial };
  const integer = (v: number, lo: number) => Number.isInteger(v) && v >= lo;
  if (!integer(options.batchSize, 1)) throw new RangeError(`Batch size must be a whole number >= 1 (got ${options.batchSize}).`);
  if (!integer(options.epochs, 1)) throw new RangeError(`Epochs must be a whole number >= 1 (got ${options.epochs}).`);
  if (!(options.learningRate > 0)) throw new RangeError(`The learning rate must be positive (got ${options.learningRate}).`);
  const examples = Math.min(trainCount, Math.floor(options.trainExamples));
  if (!(examples >= 1)) throw new RangeError('Training needs at least one example.');
  return { ...options, examples };
}
