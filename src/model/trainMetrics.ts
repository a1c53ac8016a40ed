import type { LayerGradientSize } from './gradients';
import type { WeightSnapshot } from './weights';

/** Reported after every batch. `epoch` and `batch` are 1-based. */
export interface BatchMetrics {
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  /** Mean cross-entropy of this batch (with dropout and augmentation active). */
  readonly loss: number;
  /** Fraction of this batch classified right, 0..1. */
  readonly accuracy: number;
  readonly learningRate: number;
  /** Training examples processed so far in the run, and in the whole run. */
  readonly examplesSeen: number;
  readonly examplesTotal: number;
  /** Recent throughput (pauses excluded). */
  readonly examplesPerSecond: number;
  /** Estimated time to the end of the run (evaluations excluded). */
  readonly secondsLeft: number;
  /** Each layer's kernel gradient size on this batch, on measured batches (see gradientEvery). */
  readonly gradients?: readonly LayerGradientSize[];
}

/** Reported after every epoch's held-out evaluation. `epoch` is 1-based. */
export interface EpochMetrics {
  readonly epoch: number;
  /** Means over the epoch's batches. */
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  /** On the held-out digits, without augmentation or dropout. */
  readonly heldOutLoss: number;
  readonly heldOutAccuracy: number;
  /** Wall-clock seconds since the run started (pauses included). */
  readonly elapsedSeconds: number;
}

export interface TrainCallbacks {
  onBatch?(metrics: BatchMetrics): void | Promise<void>;
  /** `snapshot` holds CPU copies of the weights at the end of this epoch. */
  onEpoch?(metrics: EpochMetrics, snapshot: WeightSnapshot): void | Promise<void>;
}

export interface TrainResult {
  /** 'stopped' when the control stopped the run before its last epoch ended. */
  readonly status: 'completed' | 'stopped';
  readonly epochsCompleted: number;
  readonly history: readonly EpochMetrics[];
  /** CPU copies of the weights after the last completed epoch (null if none completed). */
  readonly lastSnapshot: WeightSnapshot | null;
}
