/**
 * Upload checks on the committed model (public/models/default) and on altered copies of
 * it, then building with real tfjs (CPU backend in node) without leaking tensors.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { predict } from './activations';
import { buildModel } from './build';
import { serialiseModel } from './io';
import { downloadFiles, MODEL_FILE_LIMITS } from './modelFiles';
import { modelFromPackage } from './modelFromPackage';
import { DEFAULT_SPEC, type ModelSpec } from './spec';
import type { ModelFileErrorCode } from './topology';
import { checkModelFiles, type ModelFileInput } from './validateUpload';

const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'models', 'default');
const MODEL_JSON_TEXT = readFileSync(join(MODEL_DIR, 'model.json'), 'utf8');
const WEIGHTS = new Uint8Array(readFileSync(join(MODEL_DIR, 'group1-shard1of1.bin')));
const WEIGHTS_NAME = 'group1-shard1of1.bin';

type Json = {
  modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
};

/** A fresh, editable copy of the committed model.json. */
function modelJson(): Json {
  return JSON.parse(MODEL_JSON_TEXT) as Json;
}

function file(name: string, data: string | Uint8Array): ModelFileInput {
  return new File([data as BlobPart], name);
}

function files(json: Json | string = MODEL_JSON_TEXT, weights: Uint8Array = WEIGHTS, jsonName = 'model.json', weightsName = WEIGHTS_NAME): ModelFileInput[] {
  return [file(jsonName, typeof json === 'string' ? json : JSON.stringify(json)), file(weightsName, weights)];
}

function layer(json: Json, name: string) {
  const found = json.modelTopology.config.layers.find((l) => l.config.name === name);
  if (!found) throw new Error(`no layer ${name}`);
  return found;
}

async function refusal(input: readonly ModelFileInput[]): Promise<{ code: ModelFileErrorCode; params: Readonly<Record<string, string | number>> }> {
  const result = await checkModelFiles(input);
  if (result.ok) throw new Error('the files were accepted');
  return result.error;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('checkModelFiles on the committed model', () => {
  it('accepts model.json with its weights and reads back the default architecture', async () => {
    const result = await checkModelFiles(files());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.spec).toEqual(DEFAULT_SPEC);
    expect(result.value.weights.byteLength).toBe(WEIGHTS.byteLength);
    expect(result.value.metadata).toEqual({ name: 'model', savedAt: null, heldOutAccuracy: null });
  });

  it('accepts the weights file under another name when the manifest names one file', async () => {
    expect((await checkModelFiles(files(MODEL_JSON_TEXT, WEIGHTS, 'digits.json', 'digits.weights (1).bin'))).ok).toBe(true);
  });

  it('refuses missing, extra and unknown files', async () => {
    expect((await refusal([])).code).toBe('no-files');
    expect((await refusal([file(WEIGHTS_NAME, WEIGHTS)])).code).toBe('no-model-json');
    expect(await refusal([file('model.json', MODEL_JSON_TEXT)])).toEqual({ code: 'no-weights', params: { expected: WEIGHTS_NAME } });
    expect((await refusal([...files(), file('notes.txt', 'hi')])).params).toEqual({ file: 'notes.txt' });
    expect((await refusal([...files(), file('other.json', MODEL_JSON_TEXT)])).code).toBe('several-model-json');
  });

  it('refuses a corrupt model.json with the parser message', async () => {
    const error = await refusal(files(MODEL_JSON_TEXT.slice(0, 200)));
    expect(error.code).toBe('json-parse');
    expect(error.params.file).toBe('model.json');
    expect(String(error.params.detail)).toMatch(/JSON/);
  });

  it('refuses weights one float short or one float long, naming both lengths', async () => {
    expect(await refusal(files(MODEL_JSON_TEXT, WEIGHTS.subarray(0, WEIGHTS.length - 4)))).toEqual({
      code: 'weights-length',
      params: { expected: WEIGHTS.length, got: WEIGHTS.length - 4 },
    });
    const longer = new Uint8Array(WEIGHTS.length + 4);
    longer.set(WEIGHTS);
    expect((await refusal(files(MODEL_JSON_TEXT, longer))).code).toBe('weights-length');
  });

  it('refuses a wrong input shape (size or channels)', async () => {
    for (const shape of [
      [null, 32, 32, 1],
      [null, 28, 28, 3],
      [null, 784],
    ]) {
      const json = modelJson();
      layer(json, 'input').config.batch_input_shape = shape;
      expect(await refusal(files(json))).toEqual({ code: 'input-shape', params: { expected: '[null, 28, 28, 1]', got: `[${shape.map(String).join(', ')}]` } });
    }
  });

  it('refuses a wrong output shape even when the weights fit the manifest', async () => {
    const json = modelJson();
    layer(json, 'logits').config.units = 12;
    const weights = json.weightsManifest[0].weights;
    weights.find((w) => w.name === 'logits/kernel')!.shape = [128, 12];
    weights.find((w) => w.name === 'logits/bias')!.shape = [12];
    const grown = new Uint8Array(WEIGHTS.length + (128 * 2 + 2) * 4);
    grown.set(WEIGHTS);
    expect(await refusal(files(json, grown))).toEqual({ code: 'output-shape', params: { expected: '[null, 10]', got: '[null, 12]' } });
  });

  it('refuses oversized files before reading them', async () => {
    const bigJson = file('model.json', ' '.repeat(MODEL_FILE_LIMITS.modelJsonBytes + 1));
    expect((await refusal([bigJson, file(WEIGHTS_NAME, WEIGHTS)])).code).toBe('model-json-too-large');
    const bigWeights = file(WEIGHTS_NAME, new Uint8Array(MODEL_FILE_LIMITS.weightsBytes + 1));
    expect(await refusal([file('model.json', MODEL_JSON_TEXT), bigWeights])).toEqual({
      code: 'weights-too-large',
      params: { size: MODEL_FILE_LIMITS.weightsBytes + 1, limit: MODEL_FILE_LIMITS.weightsBytes },
    });
  });

  it('refuses files that are not a float32 layers model', async () => {
    expect((await refusal(files('{"hello": "world"}'))).code).toBe('not-layers-model');
    expect((await refusal(files('[1, 2, 3]'))).code).toBe('not-layers-model');
    const graph = { ...modelJson(), format: 'graph-model' };
    expect((await refusal(files(graph as Json))).code).toBe('not-layers-model');
    const noManifest = { ...modelJson(), weightsManifest: [] };
    expect((await refusal(files(noManifest))).code).toBe('bad-manifest');
    const halves = modelJson();
    halves.weightsManifest[0].weights[0].dtype = 'float16';
    expect(await refusal(files(halves))).toEqual({ code: 'unsupported-dtype', params: { weight: 'conv1/kernel', dtype: 'float16' } });
  });

  it('refuses a negation that is not exactly -x around a max pooling, naming the layer', async () => {
    const spec: ModelSpec = {
      convBlocks: [{ filters: 2, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'min', poolSize: 2 }],
      dense: [],
    };
    const model = buildModel(spec, { seed: 3 });
    const [json, bin] = downloadFiles(await serialiseModel(model), { name: 'min', savedAt: null, heldOutAccuracy: null });
    model.dispose();
    const halved = JSON.parse(json.data as string) as Json;
    layer(halved, 'pool1_negated').config.scale = -0.5;
    expect(await refusal([file(json.fileName, JSON.stringify(halved)), file(bin.fileName, bin.data)])).toEqual({
      code: 'unsupported-layer',
      params: { layer: 'pool1_negated', kind: 'Rescaling' },
    });
  });

  it('refuses layers a ConvLens network does not have', async () => {
    const json = modelJson();
    layer(json, 'conv2').class_name = 'DepthwiseConv2D';
    expect(await refusal(files(json))).toEqual({ code: 'unsupported-layer', params: { layer: 'conv2', kind: 'DepthwiseConv2D' } });
  });

  it('refuses weights holding NaN', async () => {
    const weights = WEIGHTS.slice();
    new DataView(weights.buffer).setFloat32(16 * 9 * 4 + 8, NaN, true);
    expect(await refusal(files(MODEL_JSON_TEXT, weights))).toEqual({ code: 'weights-not-finite', params: { weight: 'conv1/bias' } });
  });
});

describe('modelFromPackage', () => {
  it('builds the committed model, which predicts like plain tfjs; disposing frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const checked = await checkModelFiles(files());
    if (!checked.ok) throw new Error(checked.error.code);
    const built = await modelFromPackage(checked.value, checked.value.spec);
    if (!built.ok) throw new Error(built.error.code);
    const probabilities = await predict(built.value, new Float32Array(784).fill(0.5));
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    built.value.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses weights whose names or shapes do not fit the layers, leaking nothing', async () => {
    const renamed = modelJson();
    renamed.weightsManifest[0].weights[0].name = 'conv9/kernel';
    const reshaped = modelJson();
    reshaped.weightsManifest[0].weights[0].shape = [16, 3, 3, 1];
    for (const json of [renamed, reshaped]) {
      const checked = await checkModelFiles(files(json));
      if (!checked.ok) throw new Error(`pure checks should pass, got ${checked.error.code}`);
      const before = tf.memory().numTensors;
      const built = await modelFromPackage(checked.value, checked.value.spec);
      expect(built.ok).toBe(false);
      if (!built.ok) expect(built.error.code).toBe('tfjs-load');
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('refuses a model that does not match the given spec, leaking nothing', async () => {
    const checked = await checkModelFiles(files());
    if (!checked.ok) throw new Error(checked.error.code);
    const other: ModelSpec = { ...DEFAULT_SPEC, dense: [{ units: 64, activation: 'relu', dropout: 0 }] };
    const before = tf.memory().numTensors;
    const built = await modelFromPackage(checked.value, other);
    expect(built.ok ? 'accepted' : built.error.code).toBe('unsupported-architecture');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('round trip: a min-pooling model downloaded as files uploads back with the same spec, metadata and predictions', async () => {
    const spec: ModelSpec = {
      convBlocks: [
        { filters: 4, kernelSize: 5, stride: 1, padding: 'same', activation: 'tanh', pool: 'min', poolSize: 2 },
        { filters: 6, kernelSize: 3, stride: 2, padding: 'valid', activation: 'sigmoid', pool: 'none', poolSize: 2 },
      ],
      dense: [],
    };
    const before = tf.memory().numTensors;
    const original = buildModel(spec, { seed: 7 });
    const metadata = { name: 'Min pool #1', savedAt: '2026-01-02T03:04:05.000Z', heldOutAccuracy: 0.5 };
    const [json, bin] = downloadFiles(await serialiseModel(original), metadata);
    expect([json.fileName, bin.fileName]).toEqual(['min-pool-1.json', 'min-pool-1.weights.bin']);
    const checked = await checkModelFiles([file(json.fileName, json.data), file(bin.fileName, bin.data)]);
    if (!checked.ok) throw new Error(checked.error.code);
    expect(checked.value.spec).toEqual(spec);
    expect(checked.value.metadata).toEqual(metadata);
    expect(JSON.stringify(JSON.parse(json.data as string).modelTopology)).not.toContain('MinPooling2D');
    expect(JSON.stringify(checked.value.modelJson.modelTopology)).not.toContain('Rescaling');
    const built = await modelFromPackage(checked.value, spec);
    if (!built.ok) throw new Error(built.error.code);
    const image = Float32Array.from({ length: 784 }, (_, i) => (i % 29) / 28);
    expect(Array.from(await predict(built.value, image))).toEqual(Array.from(await predict(original, image)));
    built.value.dispose();
    original.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
