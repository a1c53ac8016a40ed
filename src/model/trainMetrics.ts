import type * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from './backendChoice';
import type { LayerGradientSize } from './gradients';
import type { TrainingControl } from './trainingControl';
import type { TrainingData } from './trainingData';
import type { TrainOptions } from './trainOptions';
import type { ReplayPoint } from '../core/replaySchedule';
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

/** The dropout mask one training step applied, for the first digit of its batch. */
export interface DropoutMaskReport {
  /** The step of the run that applied it (1-based, counted over the whole run). */
  readonly step: number;
  /** The Dropout layer (the first that drops anything), its units and rate. */
  readonly layer: string;
  readonly units: number;
  readonly rate: number;
  /** 1 where the unit was kept, 0 where it was dropped. */
  readonly kept: Uint8Array;
  /** What the kept units were multiplied by: 1 / (1 - rate). */
  readonly scale: number;
}

export interface TrainCallbacks {
  onBatch?(metrics: BatchMetrics): void | Promise<void>;
  /** `snapshot` holds CPU copies of the weights at the end of this epoch. */
  onEpoch?(metrics: EpochMetrics, snapshot: WeightSnapshot): void | Promise<void>;
  /**
   * The weights right after the batches of the first epoch the replay keeps (1, 2, 4, 8, ...:
   * core/replaySchedule.ts), exactly as that step left them; asked for only when given. The
   * ends of epochs come with `onEpoch`.
   */
  onFirstEpochWeights?(point: ReplayPoint, snapshot: WeightSnapshot): void | Promise<void>;
  /** The weights as they are now, a few times a second (sent by runs in a worker, whose model the page cannot read). */
  onWeights?(snapshot: WeightSnapshot): void;
  /** Where the run trains, and how many tensors that worker holds (sent by runs in a worker as they start and end). */
  onTrainer?(info: TrainerInfo): void;
  /** A recent step's dropout mask, at most every `maskEveryMs` (never when the network drops nothing). */
  onDropoutMask?(mask: DropoutMaskReport): void;
  /**
   * The run's weights are in its worker now (`start`: the weights it starts from): from here
   * on the page's model may be lost (its WebGL context) without ending the run.
   */
  onHandOver?(start: WeightSnapshot): void;
  /**
   * The page model a run in a worker sets its final weights into: the model it was given, or
   * after a loss of the page's WebGL context the one rebuilt on the CPU (waiting for the rebuild
   * to end). Rejects when no page model could be rebuilt; the result keeps the weights then.
   */
  pageModel?(): Promise<tf.LayersModel>;
}

/** The tfjs backends a run can train on. */
export type TrainingBackend = 'webgl' | 'wasm' | 'cpu';

/** Where a run trains: on the page (with the page's backend) or in a worker. */
export interface TrainerInfo {
  readonly backend: TrainingBackend;
  readonly inWorker: boolean;
  /** The worker's live tfjs tensors; null on the page. */
  readonly workerTensors: number | null;
  /** Why the worker does not train on the backend it chose; null when it does. */
  readonly fallback: string | null;
  /** The measured trial that chose the worker's backend (remembered or new); null on the page or without one. */
  readonly trial: BackendChoice | null;
}

export interface TrainResult {
  /** 'stopped' when the control stopped the run before its last epoch ended. */
  readonly status: 'completed' | 'stopped';
  readonly epochsCompleted: number;
  readonly history: readonly EpochMetrics[];
  /** CPU copies of the weights after the last completed epoch (null if none completed). */
  readonly lastSnapshot: WeightSnapshot | null;
  /** The weights the run ended with, when it ran in a worker (also set into the page's model, if there is one). */
  readonly finalWeights?: WeightSnapshot;
}

/**
 * A training loop with `trainModel`'s contract (train.ts): it trains `model` in place (a
 * loop in a worker sets the weights it ended with into `model` before resolving).
 */
export type TrainFunction = (
  model: tf.LayersModel,
  data: TrainingData,
  options: Partial<TrainOptions>,
  callbacks: TrainCallbacks,
  control: TrainingControl,
) => Promise<TrainResult>;

/** Training off the page: its loop, and the function that frees it (ends the worker). */
export interface Trainer {
  readonly train: TrainFunction;
  dispose(): void;
}
