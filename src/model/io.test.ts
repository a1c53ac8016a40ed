/**
 * io.ts reads min pooling in both spellings: a model file written with built-in layers
 * (as downloads are) loads into ConvLens with one MinPooling2D layer per min pooling, from
 * memory and from a URL.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predictBatch } from './activations';
import { buildModel } from './build';
import { deserialiseModel, loadModelFromUrl, serialiseModel } from './io';
import { downloadFiles } from './modelFiles';
import type { ModelSpec } from './spec';

const SPEC: ModelSpec = {
  convBlocks: [
    { filters: 3, kernelSize: 3, stride: 1, padding: 'same', activation: 'relu', pool: 'min', poolSize: 2 },
    { filters: 4, kernelSize: 3, stride: 1, padding: 'valid', activation: 'tanh', pool: 'min', poolSize: 3 },
  ],
  dense: [],
};
const IMAGES = Float32Array.from({ length: 3 * 784 }, (_, i) => ((i * 37) % 101) / 100);

let server: Server;
const served = new Map<string, string | Uint8Array>();

beforeAll(async () => {
  await tf.setBackend('cpu');
  server = createServer((request, response) => {
    const body = served.get(request.url ?? '');
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(() => server?.close());

function poolClasses(model: tf.LayersModel): string[] {
  return model.layers.filter((l) => /pool|Rescaling/i.test(l.getClassName())).map((l) => `${l.name}:${l.getClassName()}`);
}

describe('reading a model file written with built-in layers only', () => {
  it('deserialiseModel and loadModelFromUrl give back MinPooling2D layers and the same predictions', async () => {
    const before = tf.memory().numTensors;
    const original = buildModel(SPEC, { seed: 5 });
    const expected = await predictBatch(original, IMAGES);
    const serialised = await serialiseModel(original);
    original.dispose();
    const [json, bin] = downloadFiles(serialised, { name: 'Two mins', savedAt: null, heldOutAccuracy: null });
    const modelJson = JSON.parse(json.data as string) as tf.io.ModelJSON;
    expect(JSON.stringify(modelJson)).not.toContain('MinPooling2D');

    served.set(`/m/${json.fileName}`, json.data);
    served.set(`/m/${bin.fileName}`, bin.data);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/m/${json.fileName}`;
    const fromUrl = await loadModelFromUrl(url);
    const fromMemory = await deserialiseModel({ modelJson, weightsFile: bin.fileName, weights: bin.data as Uint8Array });
    for (const model of [fromUrl, fromMemory]) {
      expect(poolClasses(model)).toEqual(['pool1:MinPooling2D', 'pool2:MinPooling2D']);
      expect(Array.from(await predictBatch(model, IMAGES))).toEqual(Array.from(expected));
      model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('loadModelFromUrl still says which file is missing', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/none/model.json`;
    await expect(loadModelFromUrl(url)).rejects.toThrow(/404/);
  });
});
