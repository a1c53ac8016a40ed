/**
 * What node (scripts/bench.ts) and the bench page (scripts/bench/page.ts) exchange. Plain
 * data only: it crosses Playwright's `page.evaluate` boundary as JSON.
 */

/** Training settings shared by every throughput figure, so they compare like with like. */
export interface ThroughputConfig {
  readonly batchSize: number;
  /** Examples in the timed epoch. */
  readonly examples: number;
  readonly learningRate: number;
}

/** Examples per second over a timed stretch. */
export interface Throughput {
  readonly examples: number;
  readonly seconds: number;
  readonly examplesPerSecond: number;
}

/** Raw per-call times (ms) of the bare predict, the tfjs every-layer pass and the app's plain-JavaScript pass. */
export interface PredictTimes {
  readonly barePredict: number[];
  readonly everyLayer: number[];
  readonly plainPass: number[];
  readonly backend: string;
  readonly tfjsVersion: string;
  /** Layer names and parameter count of the shipped model that was timed. */
  readonly model: { readonly conv: string; readonly parameters: number };
}

export interface LearningConfig {
  /** Held-out accuracy to reach, 0..1. */
  readonly target: number;
  /** Stop after this many seconds of training (evaluations excluded). */
  readonly capSeconds: number;
  /** Evaluate on the held-out digits every this many batches. */
  readonly evalEveryBatches: number;
  readonly seed: number;
}

export interface LearningResult {
  readonly reached: boolean;
  /** Seconds of training (held-out evaluations excluded) when the target was first reached, or when the cap stopped the run. */
  readonly trainSeconds: number;
  /** The same, wall clock with the evaluations. */
  readonly wallSeconds: number;
  readonly examplesSeen: number;
  readonly bestAccuracy: number;
  /** [training seconds, examples seen, held-out accuracy] at each evaluation. */
  readonly curve: [number, number, number][];
  /** The training options used (the app's default run, on every training digit). */
  readonly options: Record<string, unknown>;
}
