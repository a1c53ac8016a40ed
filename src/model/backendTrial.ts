/**
 * A short measured trial of training on each available tfjs backend: a few warm-up steps
 * (which also load and compile what the backend needs), then a few timed steps, giving
 * examples per second for each and choosing the fastest. A backend that cannot start, or
 * fails during its steps, gets its reason instead of a rate and is not chosen.
 *
 * The trial switches tfjs's global backend while it runs and puts the previous one back
 * before it returns, so run it while nothing else uses tfjs (before training starts, or in
 * the worker that trains).
 */
import * as tf from '@tensorflow/tfjs';
import { loadWasmBackend } from './wasmBackend';

/** The backends a trial can measure. */
export type TrialBackend = 'wasm' | 'webgl' | 'cpu';

/** Every backend, in the order a trial measures them by default. */
export const TRIAL_BACKENDS: readonly TrialBackend[] = Object.freeze(['wasm', 'webgl', 'cpu']);

/** Training work made for the backend in use: one step at a time, then freed. */
export interface TrialWorkload {
  /** The examples one step trains on. */
  readonly batchSize: number;
  /** Runs one training step and resolves once its results have been read back. */
  step(): Promise<void>;
  /** Frees every tensor the workload made. */
  dispose(): void;
}

/** How one backend did: its rate, or why it has none. */
export interface BackendRate {
  readonly backend: TrialBackend;
  /** Examples per second over the timed steps; null when the backend failed. */
  readonly examplesPerSecond: number | null;
  /** Why the backend has no rate (it could not start, or a step failed); null when it has one. */
  readonly error: string | null;
}

/** What a trial measured and chose. */
export interface TrialResult {
  /** The fastest backend that worked. */
  readonly choice: TrialBackend;
  /** Every backend tried, in the order tried. */
  readonly rates: readonly BackendRate[];
  readonly batchSize: number;
  readonly timedSteps: number;
}

export interface TrialOptions {
  /** The backends to try, in order (default {@link TRIAL_BACKENDS}). */
  readonly backends?: readonly TrialBackend[];
  /** Untimed steps first on each backend (default 2; at least 1). */
  readonly warmupSteps?: number;
  /** Timed steps on each backend (default 5; at least 1). */
  readonly timedSteps?: number;
  /**
   * Makes a backend available before the trial switches to it; the default loads the wasm
   * backend (loadWasmBackend) and does nothing for the others. A rejection is that
   * backend's failure.
   */
  readonly prepare?: (backend: TrialBackend) => Promise<void>;
}

function defaultPrepare(backend: TrialBackend): Promise<void> {
  return backend === 'wasm' ? loadWasmBackend() : Promise.resolve();
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string')
    return (error as { message: string }).message;
  return String(error);
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`The trial's ${name} must be a whole number of at least 1 (got ${value}).`);
}

/** Switches tfjs to `backend`, or throws why it cannot. */
async function switchTo(backend: TrialBackend): Promise<void> {
  let started: boolean;
  try {
    started = await tf.setBackend(backend);
  } catch (error) {
    throw new Error(`The ${backend} backend could not start: ${messageOf(error)}`, { cause: error });
  }
  if (!started || tf.getBackend() !== backend) throw new Error(`The ${backend} backend could not start in this browser.`);
  // Half-float WebGL makes training diverge: it does not count as a training backend.
  if (backend === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) throw new Error('This WebGL cannot render float32 textures.');
}

/** Warms up and times `workload` on the backend in use; frees it whatever happens. */
async function timeWorkload(makeWorkload: () => TrialWorkload, warmupSteps: number, timedSteps: number): Promise<{ rate: number; batchSize: number }> {
  const workload = makeWorkload();
  try {
    checkCount('batch size', workload.batchSize);
    for (let i = 0; i < warmupSteps; i++) await workload.step();
    const start = performance.now();
    for (let i = 0; i < timedSteps; i++) await workload.step();
    const seconds = Math.max(performance.now() - start, 1e-3) / 1000;
    return { rate: (timedSteps * workload.batchSize) / seconds, batchSize: workload.batchSize };
  } finally {
    workload.dispose();
  }
}

/**
 * Runs `makeWorkload()` on each backend in turn (made after switching, so its tensors live
 * on that backend) and measures it. Resolves with every backend's rate or reason and the
 * fastest; rejects, naming each backend's reason, when none worked. tfjs's backend is the
 * one in use before the trial when it settles.
 */
export async function runBackendTrial(makeWorkload: () => TrialWorkload, options: TrialOptions = {}): Promise<TrialResult> {
  const backends = options.backends ?? TRIAL_BACKENDS;
  const warmupSteps = options.warmupSteps ?? 2;
  const timedSteps = options.timedSteps ?? 5;
  checkCount('warm-up steps', warmupSteps);
  checkCount('timed steps', timedSteps);
  if (backends.length === 0) throw new Error('A backend trial needs at least one backend to try.');
  const prepare = options.prepare ?? defaultPrepare;
  const previous = tf.getBackend();
  const rates: BackendRate[] = [];
  let batchSize = 0;
  try {
    for (const backend of backends) {
      try {
        await prepare(backend);
        await switchTo(backend);
        const measured = await timeWorkload(makeWorkload, warmupSteps, timedSteps);
        batchSize = measured.batchSize;
        rates.push({ backend, examplesPerSecond: measured.rate, error: null });
      } catch (error) {
        rates.push({ backend, examplesPerSecond: null, error: messageOf(error) });
      }
    }
  } finally {
    if (previous && tf.getBackend() !== previous) await tf.setBackend(previous);
  }
  const working = rates.filter((r): r is BackendRate & { examplesPerSecond: number } => r.examplesPerSecond !== null);
  if (working.length === 0) throw new Error(`No backend could train: ${rates.map((r) => `${r.backend}: ${r.error}`).join('; ')}`);
  const fastest = working.reduce((best, r) => (r.examplesPerSecond > best.examplesPerSecond ? r : best));
  return { choice: fastest.backend, rates, batchSize, timedSteps };
}
