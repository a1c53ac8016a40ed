/**
 * Test support (node only): loads the wasm backend from its package folder and runs a
 * computation on a named backend, returning plain numbers.
 */
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadWasmBackend } from './wasmBackend';

/** The folder of the wasm binaries in node_modules. */
export function wasmBinariesFolder(): string {
  const require = createRequire(import.meta.url);
  return `${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`;
}

/** Loads the wasm backend (with ConvLens's training kernels) in node. */
export function loadWasmInNode(): Promise<void> {
  return loadWasmBackend(wasmBinariesFolder());
}

/** Runs `compute` on `backend` inside a tidy and returns its tensors' values (none kept). */
export async function valuesOn(backend: string, compute: () => tf.Tensor[]): Promise<Float32Array[]> {
  if (!(await tf.setBackend(backend))) throw new Error(`The ${backend} backend did not start.`);
  const tensors = tf.tidy(compute);
  try {
    return tensors.map((t) => Float32Array.from(t.dataSync()));
  } finally {
    tf.dispose(tensors);
  }
}

/** The largest difference between two arrays, relative to the largest magnitude in `expected` (at least 1e-3). */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) throw new Error(`Length ${actual.length} is not ${expected.length}.`);
  let scale = 1e-3;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]));
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  }
  return Number.isNaN(worst) ? Infinity : worst / scale;
}
