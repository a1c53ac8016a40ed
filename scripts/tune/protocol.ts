/** What node and the tuning page say to each other (plain data only). */
import type { FirstLayerStart } from '../../src/model/firstLayerStart';
import type { ModelSpec } from '../../src/model/spec';
import type { TrainOptions } from '../../src/model/trainOptions';

/** The tfjs backends a candidate can train on. */
export type TuneBackend = 'webgl' | 'cpu' | 'wasm';

/** One candidate run. */
export interface TuneRunConfig {
  readonly backend: TuneBackend;
  readonly spec: ModelSpec;
  readonly firstLayer: FirstLayerStart;
  /** The run's options (seed included); the data are the page's own. */
  readonly options: Partial<TrainOptions>;
  /** Score the validation slice every this many training examples (and at each epoch's end). */
  readonly evalEveryExamples: number;
}

/** One validation score during a run. */
export interface TunePoint {
  readonly examplesSeen: number;
  readonly accuracy: number;
  /** Seconds of training up to this point: the page's clock minus the time spent scoring. */
  readonly trainSeconds: number;
}

/** What a run gives back. */
export interface TuneRunResult {
  readonly backend: string;
  /** Seconds to set the backend up (tf.setBackend + tf.ready) on this fresh page. */
  readonly backendSeconds: number;
  /** Seconds to fetch and decode the digits. */
  readonly dataSeconds: number;
  readonly points: readonly TunePoint[];
  readonly trainDigits: number;
  readonly validationDigits: number;
  /** Tensors alive after the model was disposed, minus those alive before the run. */
  readonly leakedTensors: number;
}

/** The default network's throughput, measured on the same page right before or after a run. */
export interface YardstickResult {
  readonly backend: string;
  readonly examples: number;
  readonly examplesPerSecond: number;
}
