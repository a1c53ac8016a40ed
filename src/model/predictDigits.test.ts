import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAbortError } from '../core/abort';
import { readMnist } from '../data/node';
import { predictBatch } from './activations';
import { buildModel } from './build';
import { predictDigits } from './predictDigits';
import { DEFAULT_SPEC } from './spec';
import { trainingDataFromMnist } from './trainingData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('predictDigits', () => {
  it('gives the argmax of predictBatch for every held-out digit, in batches, leaving no tensors', async () => {
    const { heldOut } = trainingDataFromMnist(readMnist());
    const model = buildModel(DEFAULT_SPEC, { seed: 5 });
    const count = 230;
    const progress: number[] = [];
    const before = tf.memory().numTensors;
    const predicted = await predictDigits(model, heldOut.pixels, count, { batchSize: 100, onProgress: (f) => progress.push(f) });
    expect(tf.memory().numTensors).toBe(before);
    expect(progress).toEqual([100 / 230, 200 / 230, 1]);

    const probs = await predictBatch(
      model,
      Float32Array.from(heldOut.pixels.subarray(0, count * 784), (v) => v / 255),
    );
    for (let i = 0; i < count; i++) {
      const row = probs.subarray(i * 10, i * 10 + 10);
      expect(predicted[i]).toBe(row.indexOf(Math.max(...row)));
    }
    model.dispose();
  });

  it('stops when aborted, with the abort and no tensors left, and rejects bad input', async () => {
    const model = buildModel(DEFAULT_SPEC, { seed: 5 });
    const pixels = new Uint8Array(3 * 784);
    let batches = 0;
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const onProgress = () => {
      batches++;
      if (batches === 2) controller.abort();
    };
    await expect(predictDigits(model, pixels, 3, { batchSize: 1, onProgress, signal: controller.signal })).rejects.toSatisfy(isAbortError);
    expect(batches).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
    // Aborted while its last batch is being read: no result either, and the reason given.
    const during = new AbortController();
    const pending = predictDigits(model, pixels, 1, { signal: during.signal });
    during.abort(new Error('left the view'));
    await expect(pending).rejects.toThrow('left the view');
    await expect(predictDigits(model, pixels, 4)).rejects.toThrow(/Expected 4 digits/);
    await expect(predictDigits(model, pixels, 3, { batchSize: 0 })).rejects.toThrow(/batch size/);
    model.dispose();
  });
});
