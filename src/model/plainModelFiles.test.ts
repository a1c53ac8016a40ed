import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../data/node';
import { computeLayerOutputs } from './activations';
import { deserialiseModel } from './io';
import { fetchPlainNetwork, weightsFromShards } from './plainModelFiles';
import { DEFAULT_SPEC } from './spec';

const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');

/** Serves the app's public folder from disk, the way the browser's fetch would over HTTP. */
const fromDisk: typeof fetch = async (input) => {
  const path = new URL(String(input)).pathname;
  try {
    return new Response(readFileSync(join(PUBLIC, path)));
  } catch {
    return new Response('not found', { status: 404 });
  }
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('fetchPlainNetwork', () => {
  it('reads the shipped model without tfjs and computes what tfjs computes with it', async () => {
    const plain = await fetchPlainNetwork('http://localhost/models/default/model.json', DEFAULT_SPEC, fromDisk);
    const modelJson = JSON.parse(readFileSync(join(PUBLIC, 'models/default/model.json'), 'utf8')) as tf.io.ModelJSON;
    const model = await deserialiseModel({
      modelJson,
      weightsFile: '',
      weights: new Uint8Array(readFileSync(join(PUBLIC, 'models/default/group1-shard1of1.bin'))),
    });
    const data = readMnist();
    for (const i of [3, 4000, 9999]) {
      const image = Float32Array.from(data.pixels.subarray(i * 784, (i + 1) * 784), (v) => v / 255);
      const expected = await computeLayerOutputs(model, image);
      const actual = plain.run(image);
      expected.forEach((layer, l) => {
        for (let k = 0; k < layer.data.length; k++)
          expect(Math.abs(actual[l].data[k] - layer.data[k])).toBeLessThan(1e-4 * Math.max(1, Math.abs(layer.data[k])));
      });
    }
    model.dispose();
  });

  it('says what is wrong with a missing file, a short shard or a non-float32 weight', async () => {
    await expect(fetchPlainNetwork('http://localhost/models/none/model.json', DEFAULT_SPEC, fromDisk)).rejects.toThrow(/HTTP 404/);
    const group = { paths: ['x.bin'], weights: [{ name: 'conv1/kernel', shape: [3, 3, 1, 16], dtype: 'float32' }] };
    expect(() => weightsFromShards(group, new ArrayBuffer(100))).toThrow(/too short for conv1\/kernel/);
    expect(() => weightsFromShards({ ...group, weights: [{ ...group.weights[0], dtype: 'float16' }] }, new ArrayBuffer(600))).toThrow(/float16/);
    const ok = weightsFromShards(group, new Float32Array(144).map((_, i) => i).buffer);
    expect(ok[0].values[143]).toBe(143);
  });
});
