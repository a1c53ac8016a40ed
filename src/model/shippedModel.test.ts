/**
 * The committed model, loaded the way any tfjs user would: plain `tf.loadLayersModel` with a
 * file IO handler, no ConvLens model code. Its input contract: [N, 28, 28, 1] float32 grey
 * levels in [0, 1] (pixels / 255), white digit on black, MNIST-style preprocessing.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../data/node';
import { splitIndices } from '../data/split';

const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'models', 'default');

/** A tfjs IO handler that reads model.json and its weight shards from disk. */
function fileHandler(modelJsonPath: string): tf.io.IOHandler {
  return {
    async load() {
      const modelJson = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as tf.io.ModelJSON;
      const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
      const shards = modelJson.weightsManifest.flatMap((group) => group.paths).map((p) => readFileSync(join(dirname(modelJsonPath), p)));
      const bytes = Buffer.concat(shards);
      return {
        modelTopology: modelJson.modelTopology,
        weightSpecs,
        weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
        format: modelJson.format,
      };
    },
  };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the shipped model (public/models/default)', () => {
  it('loads in plain tfjs and scores at least 99% on the 1,000 held-out digits', async () => {
    const model = await tf.loadLayersModel(fileHandler(join(MODEL_DIR, 'model.json')));
    expect(model.inputs[0].shape).toEqual([null, 28, 28, 1]);
    expect(model.outputs[0].shape).toEqual([null, 10]);

    const data = readMnist();
    const { test } = splitIndices(data);
    expect(test.length).toBe(1000);
    const pixels = new Float32Array(test.length * 784);
    const labels = new Int32Array(test.length);
    test.forEach((g, i) => {
      for (let p = 0; p < 784; p++) pixels[i * 784 + p] = data.pixels[g * 784 + p] / 255;
      labels[i] = data.labels[g];
    });

    const correct = tf.tidy(() => {
      const probs = model.predict(tf.tensor4d(pixels, [test.length, 28, 28, 1])) as tf.Tensor;
      return tf.sum(tf.equal(tf.argMax(probs, 1), tf.tensor1d(labels, 'int32'))).dataSync()[0];
    });
    model.dispose();
    const accuracy = correct / test.length;
    console.info(`shipped model: ${(100 * accuracy).toFixed(1)}% on the held-out split`);
    expect(accuracy).toBeGreaterThanOrEqual(0.99);

    const metrics = JSON.parse(readFileSync(join(MODEL_DIR, 'metrics.json'), 'utf8')) as { heldOutAccuracy: number };
    expect(metrics.heldOutAccuracy).toBeCloseTo(accuracy, 6);
  });
});
