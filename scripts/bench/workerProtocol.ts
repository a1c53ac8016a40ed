/**
 * What the bench page and its two training workers exchange (loopWorker.ts: ConvLens's loop
 * on the worker's tfjs backend; convnetWorker.ts: convnetjs, whose request is a `ConvnetRun`). One request, one
 * answer: the page listens to nothing in between.
 */
import type { TrainOptions } from '../../src/model/trainOptions';
import type { TrainingData } from '../../src/model/trainingData';
import type { WeightSnapshot } from '../../src/model/weights';
import type { WorkerBackend } from '../../src/worker/protocol';
import type { ProgressSample } from './rateWindow';

/**
 * A run for loopWorker.ts, shaped like the app's own request to its training worker: the
 * starting model as topology and weights, the digits and the Train button's options.
 * `stopAt`: the run is stopped at the first batch that brings it to that many examples.
 * `via`: 'loop' calls `trainModel` alone; 'handler' runs the app worker's message handler
 * (src/worker/trainHandler.ts), whose messages stay in the worker, counted, never posted.
 */
export interface LoopRequest {
  readonly via: 'loop' | 'handler';
  readonly topology: object;
  readonly weights: WeightSnapshot;
  readonly data: TrainingData;
  readonly options: Partial<TrainOptions>;
  readonly stopAt: number;
}

/** [worker time, examples seen] after every batch (the first: before any training), and what the run ran on. */
export interface WorkerRunResult {
  readonly type: 'result';
  readonly samples: ProgressSample[];
  /** The tfjs backend (null for convnetjs). */
  readonly backend: WorkerBackend | null;
  /** Why the worker is not on wasm; null when it is (and for convnetjs). */
  readonly fallback: string | null;
  /** tfjs tensors in the worker before the run and after it (null for convnetjs). */
  readonly tensors: { readonly before: number; readonly after: number } | null;
}

export interface WorkerRunFailure {
  readonly type: 'failure';
  readonly message: string;
}

export type WorkerRunAnswer = WorkerRunResult | WorkerRunFailure;
