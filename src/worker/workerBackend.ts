import * as tf from '@tensorflow/tfjs';
import { loadWasmBackend } from '../model/wasmBackend';
import { offscreenWebglProblem } from './offscreenWebgl';
import type { WorkerBackend } from './protocol';
import { messageOf } from '../core/messageOf';

/** The backend the worker trains on, and why it is not the one asked for (null when it is). */
export interface WorkerBackendState {
  readonly backend: WorkerBackend;
  readonly fallback: string | null;
}

/**
 * Makes `backend` available to `tf.setBackend` in the worker, or rejects with why it cannot
 * be: wasm is loaded with ConvLens's training kernels (`binariesFolder` is for node, the
 * tests; a build finds the binaries it emitted itself); WebGL needs an OffscreenCanvas.
 */
export async function prepareWorkerBackend(backend: WorkerBackend, binariesFolder?: string): Promise<void> {
  if (backend === 'wasm') {
    try {
      await loadWasmBackend(binariesFolder);
    } catch (error) {
      throw new Error(`The WebAssembly backend did not load: ${messageOf(error)}`, { cause: error });
    }
  } else if (backend === 'webgl') {
    const problem = offscreenWebglProblem();
    if (problem) throw new Error(problem);
  }
}

const NAMES: Readonly<Record<WorkerBackend, string>> = { wasm: 'WebAssembly', webgl: 'WebGL', cpu: 'CPU' };

async function start(backend: WorkerBackend, binariesFolder: string | undefined): Promise<void> {
  await prepareWorkerBackend(backend, binariesFolder);
  let started: boolean;
  try {
    started = await tf.setBackend(backend);
  } catch (error) {
    throw new Error(`The ${NAMES[backend]} backend did not start: ${messageOf(error)}`, { cause: error });
  }
  if (!started || tf.getBackend() !== backend) throw new Error(`The ${NAMES[backend]} backend did not start.`);
  await tf.ready();
}

/** What to try after each backend fails to start. */
const NEXT: Readonly<Record<WorkerBackend, WorkerBackend | null>> = { webgl: 'wasm', wasm: 'cpu', cpu: null };

/**
 * Starts tfjs in the worker on `preferred` (default wasm), falling back from WebGL to wasm
 * and from wasm to the CPU when it cannot load or start, with the first failure's reason.
 * Rejects only when the CPU backend does not start either.
 */
export async function startWorkerBackend(preferred: WorkerBackend = 'wasm', binariesFolder?: string): Promise<WorkerBackendState> {
  let fallback: string | null = null;
  for (let backend: WorkerBackend | null = preferred; backend; backend = NEXT[backend]) {
    try {
      await start(backend, binariesFolder);
      return { backend, fallback };
    } catch (error) {
      fallback ??= messageOf(error);
    }
  }
  throw new Error(`No tfjs backend started in the training worker: ${fallback}`);
}
