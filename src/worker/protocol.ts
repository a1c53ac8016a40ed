/**
 * The messages between the page and the training worker (trainWorker.ts). Everything in
 * them is plain data that survives structured cloning: numbers, strings, plain objects and
 * typed arrays.
 */
import type { ReplayPoint } from '../core/replaySchedule';
import type { BackendChoice } from '../model/backendChoice';
import type { BatchMetrics, DropoutMaskReport, EpochMetrics, TrainResult } from '../model/trainMetrics';
import type { TrainOptions } from '../model/trainOptions';
import type { TrainingData } from '../model/trainingData';
import type { WeightSnapshot } from '../model/weights';

/** The backends the worker can train on (WebGL on an OffscreenCanvas, where the browser has one). */
export type WorkerBackend = 'wasm' | 'webgl' | 'cpu';

/**
 * How the worker picks its backend for a run: the choice the page remembered from an
 * earlier trial (null when it has none: the worker then measures one, unless it already
 * has), or `remeasure` to run the trial again whatever was remembered.
 */
export interface BackendRequest {
  readonly remembered: BackendChoice | null;
  readonly remeasure: boolean;
}

/** Starts run `id`: the model (its Keras topology and weights), the digits and the settings. */
export interface TrainMessage {
  readonly type: 'train';
  readonly id: number;
  /** `model.toJSON(null, false)` of the starting model. */
  readonly topology: object;
  readonly weights: WeightSnapshot;
  readonly data: TrainingData;
  readonly options: Partial<TrainOptions>;
  readonly backend: BackendRequest;
}

/** Pauses, resumes or stops run `id` (between two of its batches). */
export interface ControlMessage {
  readonly type: 'control';
  readonly id: number;
  readonly action: 'pause' | 'resume' | 'stop';
}

/** The pen went down on the drawing pad (training then leaves the page a frame between batches), or lifted. */
export interface PenMessage {
  readonly type: 'pen';
  readonly down: boolean;
}

export type PageMessage = TrainMessage | ControlMessage | PenMessage;

/** The worker's backend and how many tfjs tensors it holds (sent with every run's start and end). */
export interface WorkerStateMessage {
  readonly type: 'state';
  readonly backend: WorkerBackend;
  /** Why the chosen backend is not used; null when it is. */
  readonly fallback: string | null;
  readonly numTensors: number;
  /** The trial that chose the backend (measured in this worker, or remembered by the page); null when none did. */
  readonly trial: BackendChoice | null;
}

/** The worker measured a new trial: the page remembers it for the next visits. */
export interface TrialMessage {
  readonly type: 'trial';
  readonly choice: BackendChoice;
}

/** The batches run `id` trained since its last batch message, in order (see batchBundler.ts). */
export interface BatchMessage {
  readonly type: 'batch';
  readonly id: number;
  readonly metrics: readonly BatchMetrics[];
}

export interface EpochMessage {
  readonly type: 'epoch';
  readonly id: number;
  readonly metrics: EpochMetrics;
  readonly snapshot: WeightSnapshot;
}

/** The weights as they are now, a few times a second while the run goes on. */
export interface WeightsMessage {
  readonly type: 'weights';
  readonly id: number;
  readonly snapshot: WeightSnapshot;
}

/** The weights right after a step of the first epoch the replay keeps (core/replaySchedule.ts), their buffers transferred. */
export interface FirstEpochWeightsMessage {
  readonly type: 'first-epoch-weights';
  readonly id: number;
  readonly point: ReplayPoint;
  readonly snapshot: WeightSnapshot;
}

/**
 * The dropout mask a recent step of run `id` applied (its step, layer, units, rate, which
 * units it kept and their scale), a few times a second while the run goes on; never for a
 * network without dropout.
 */
export interface MaskMessage {
  readonly type: 'mask';
  readonly id: number;
  readonly mask: DropoutMaskReport;
}

/** Run `id` ended (completed or stopped): its result and the weights it ended with. */
export interface DoneMessage {
  readonly type: 'done';
  readonly id: number;
  readonly result: TrainResult;
  readonly finalWeights: WeightSnapshot;
}

export interface ErrorMessage {
  readonly type: 'error';
  readonly id: number;
  readonly message: string;
}

export type WorkerMessage =
  WorkerStateMessage | TrialMessage | BatchMessage | EpochMessage | WeightsMessage | FirstEpochWeightsMessage | MaskMessage | DoneMessage | ErrorMessage;

/** The typed arrays of a snapshot, to transfer instead of copying. */
export function snapshotBuffers(snapshot: WeightSnapshot): ArrayBuffer[] {
  return snapshot.weights.map((w) => w.values.buffer as ArrayBuffer);
}
