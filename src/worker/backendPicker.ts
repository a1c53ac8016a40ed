/**
 * How the training worker settles on its backend. At the first run, the choice the page
 * remembered is started; without one, a short measured trial of every backend (see
 * model/backendTrial.ts) chooses the fastest. Later runs keep that backend unless the page
 * asks to measure again. A backend that fails to start falls back (WebGL to wasm to the CPU)
 * with its reason; after the WebGL context is lost, WebGL is not used again in this worker.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from '../model/backendChoice';
import { runBackendTrial, TRIAL_BACKENDS, type TrialWorkload } from '../model/backendTrial';
import type { BackendRequest } from './protocol';
import { TRIAL_TIMED_STEPS, TRIAL_WARMUP_STEPS } from './trialWork';
import { prepareWorkerBackend, startWorkerBackend, type WorkerBackendState } from './workerBackend';
import { messageOf } from '../core/messageOf';

/** The worker's backend, the trial behind it, and whether that trial was measured for this run. */
export interface PickedBackend extends WorkerBackendState {
  readonly trial: BackendChoice | null;
  readonly measuredNow: boolean;
}

export interface BackendPicker {
  /** The backend for a run (starting or measuring one when needed); `work` makes the trial's work. */
  pick(request: BackendRequest, work: () => () => TrialWorkload): Promise<PickedBackend>;
  /** The WebGL context is lost: the next run starts on another backend, saying why. */
  webglLost(reason: string): void;
}

/** `binariesFolder` is where node (the tests) finds the wasm binaries. */
export function createBackendPicker(binariesFolder?: string): BackendPicker {
  let current: PickedBackend | null = null;
  let lostWebgl: string | null = null;

  const prepare = async (backend: (typeof TRIAL_BACKENDS)[number]): Promise<void> => {
    if (backend === 'webgl' && lostWebgl) throw new Error(lostWebgl);
    await prepareWorkerBackend(backend, binariesFolder);
  };

  const measure = async (work: () => TrialWorkload): Promise<PickedBackend> => {
    // The trial puts back the backend in use before it: the CPU, rather than whatever tfjs
    // would start by itself when asked for its backend (its WebGL, holding a context for nothing).
    if (tf.engine().backendName !== 'cpu') await tf.setBackend('cpu');
    let trial: BackendChoice;
    try {
      const result = await runBackendTrial(work, { backends: TRIAL_BACKENDS, warmupSteps: TRIAL_WARMUP_STEPS, timedSteps: TRIAL_TIMED_STEPS, prepare });
      trial = { ...result, measuredAt: Date.now(), remembered: false };
    } catch (error) {
      const state = await startWorkerBackend('wasm', binariesFolder);
      return { ...state, fallback: state.fallback ?? messageOf(error), trial: null, measuredNow: false };
    }
    return { ...(await startWorkerBackend(trial.choice, binariesFolder)), trial, measuredNow: true };
  };

  const start = async (choice: BackendChoice | null): Promise<PickedBackend> => {
    const preferred = choice?.choice === 'webgl' && lostWebgl ? 'wasm' : (choice?.choice ?? 'wasm');
    const state = await startWorkerBackend(preferred, binariesFolder);
    const fallback = state.fallback ?? (preferred === choice?.choice ? null : lostWebgl);
    return { ...state, fallback, trial: choice, measuredNow: false };
  };

  return {
    async pick(request, work) {
      if (request.remeasure) current = await measure(work());
      else if (!current) current = request.remembered ? await start(request.remembered) : await measure(work());
      else if (current.backend === 'webgl' && lostWebgl) current = await start(current.trial);
      else current = { ...current, measuredNow: false };
      return current;
    },
    webglLost(reason) {
      lostWebgl = reason;
    },
  };
}
