import type { BackendInfo } from './backend';
import type { FirstLayerStart } from './firstLayerStart';
import type { PlainNetwork } from './plainForward';
import type { ModelSpec } from './spec';
import type { Trainer, TrainerInfo, TrainResult } from './trainMetrics';
import type { TrainOptions } from './trainOptions';
import type { TrainingControl } from './trainingControl';
import type { TrainingData } from './trainingData';

/** Which model the visualiser shows. */
export type ModelInView = 'pretrained' | 'trained';

/** What happened when the WebGL context was lost (the UI tells the user). */
export interface ContextLossReport {
  /** A training run was going on on the page; it was stopped. */
  readonly runStopped: boolean;
  /** A training run was going on in its worker; it went on, and its results land in the model rebuilt on the CPU. */
  readonly runContinued: boolean;
  /** The trained model was rebuilt on the CPU with its weights from the end of this epoch (null when a run went on: its newest weights). */
  readonly keptEpoch: number | null;
  /** The trained model had no saved epoch yet, so it was dropped (the pretrained one is shown). */
  readonly trainedDiscarded: boolean;
}

/** What the UI shows of the session. */
export interface SessionStatus {
  readonly backend: BackendInfo;
  readonly inView: ModelInView;
  readonly hasTrained: boolean;
  readonly training: boolean;
  readonly spec: ModelSpec;
  /** The name of the trained model when it was loaded or uploaded; null when trained here. */
  readonly trainedName: string | null;
  /** The trained model's accuracy on the held-out digits (0..1), when known. */
  readonly trainedAccuracy: number | null;
  /** The trained model's architecture; null when there is no trained model. */
  readonly trainedSpec: ModelSpec | null;
  readonly contextLoss: ContextLossReport | null;
  /**
   * Bumped whenever the model in view or its weights change: another model is shown, a
   * model is trained (a few times a second while it learns, and when the run ends), loaded,
   * uploaded or reset, or the models are rebuilt after a context loss. Whatever was computed
   * from the model in view is out of date when it changes.
   */
  readonly version: number;
  /**
   * The model in view as a plain-JavaScript network (the same numbers as tfjs, in about a
   * millisecond, during a render); null when there is no up-to-date copy: while the model in
   * view trains on the page (a run in a worker sends its weights, which give the copy), before
   * its copy is made, or when the session failed.
   */
  readonly plain: PlainNetwork | null;
  /** Where training runs (the worker's backend once its first run has started); null until known. */
  readonly trainer: TrainerInfo | null;
}

/** A training request from the UI. */
export interface TrainRequest {
  readonly spec: ModelSpec;
  /**
   * Start from random weights, from a copy of the pretrained model (same spec only), or
   * from a copy of the current trained model (trained here, loaded or uploaded; its own
   * spec, whatever `spec` says).
   */
  readonly start: 'scratch' | 'pretrained' | 'current';
  /**
   * With `start: 'scratch'`: conv1 starts random (the default), or its first four kernels
   * start as the article's edge filters, trained further or frozen for the whole run.
   */
  readonly firstLayer?: FirstLayerStart;
  readonly options: Partial<TrainOptions>;
  readonly data: TrainingData;
}

export interface TrainingHandle {
  readonly control: TrainingControl;
  readonly done: Promise<TrainResult>;
}

/** How a session opens: the shipped model's URL, a signal that cancels the opening, and training off the page. */
export interface SessionOpenOptions {
  readonly pretrainedUrl?: string;
  readonly signal?: AbortSignal;
  /** Runs train with it (a worker) instead of on the page; the session owns it once open. */
  readonly trainer?: Trainer | null;
}
