import * as tf from '@tensorflow/tfjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorkerBackend } from './workerBackend';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('the worker’s backend', () => {
  it('falls back to the CPU, saying why, when the WebAssembly binaries cannot be found', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-wasm-'));
    const state = await startWorkerBackend('wasm', empty);
    expect(state.backend).toBe('cpu');
    expect(state.fallback).toMatch(/WebAssembly/);
    expect(tf.getBackend()).toBe('cpu');
    // The CPU backend it fell back to computes.
    expect(Array.from(tf.tidy(() => tf.add(tf.tensor1d([1, 2]), 1).dataSync()))).toEqual([2, 3]);
  });
});
