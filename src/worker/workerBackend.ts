import * as tf from '@tensorflow/tfjs';
import { loadWasmBackend } from '../model/wasmBackend';
import type { WorkerBackend } from './protocol';

/** The backend the worker trains on, and why it is not wasm (null when it is). */
export interface WorkerBackendState {
  readonly backend: WorkerBackend;
  readonly fallback: string | null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts tfjs in the worker on the WebAssembly backend (with ConvLens's training kernels),
 * or on the CPU backend when wasm cannot load or start. `binariesFolder` is for node (the
 * tests); a build finds the binaries it emitted itself.
 */
export async function startWorkerBackend(binariesFolder?: string): Promise<WorkerBackendState> {
  let fallback: string;
  try {
    await loadWasmBackend(binariesFolder);
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return { backend: 'wasm', fallback: null };
    }
    fallback = 'The WebAssembly backend did not start.';
  } catch (error) {
    fallback = `The WebAssembly backend did not load: ${messageOf(error)}`;
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('Neither the WebAssembly nor the CPU backend of tfjs started.');
  await tf.ready();
  return { backend: 'cpu', fallback };
}
