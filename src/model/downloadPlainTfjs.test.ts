/**
 * Every model ConvLens offers for download loads in plain tfjs: models with each kind of
 * pooling are written as the download pair, then loaded and run on real MNIST digits in a
 * separate node process that imports only `@tensorflow/tfjs` (plainTfjs.child.ts), where
 * ConvLens's MinPooling2D layer was never registered. The same files upload back into
 * ConvLens as the same architecture with the same outputs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../data/node';
import { digitImage, splitIndices } from '../data/split';
import { computeLayerOutputs, predictBatch } from './activations';
import { buildModel } from './build';
import { serialiseModel } from './io';
import { downloadFiles, type DownloadFile } from './modelFiles';
import { modelFromPackage } from './modelFromPackage';
import type { PlainTfjsJob, PlainTfjsReport } from './plainTfjs.child';
import { PlainNetwork } from './plainForward';
import { weightsFromShards } from './plainModelFiles';
import type { ModelSpec, Pooling } from './spec';
import { checkModelFiles } from './validateUpload';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const POOLINGS: readonly Pooling[] = ['min', 'max', 'average', 'none'];
/** Three held-out digits of each class. */
const DIGITS_PER_CLASS = 3;

/** Two conv blocks (the second with a 3x3 window) and a dense layer; the same seed gives every pooling the same weights. */
function specWith(pool: Pooling): ModelSpec {
  return {
    convBlocks: [
      { filters: 4, kernelSize: 3, stride: 1, padding: 'same', activation: 'relu', pool, poolSize: 2 },
      // Without pooling the file has no window size and reads back as the default, 2.
      { filters: 6, kernelSize: 3, stride: 1, padding: 'valid', activation: 'tanh', pool, poolSize: pool === 'none' ? 2 : 3 },
    ],
    dense: [{ units: 16, activation: 'relu', dropout: 0.25 }],
  };
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

function argmaxes(probabilities: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let at = 0; at < probabilities.length; at += 10) {
    let best = 0;
    for (let d = 1; d < 10; d++) if (probabilities[at + d] > probabilities[at + best]) best = d;
    out.push(best);
  }
  return out;
}

const asFile = (f: DownloadFile) => new File([f.data as BlobPart], f.fileName);

interface Original {
  readonly pool: Pooling;
  readonly spec: ModelSpec;
  readonly files: [DownloadFile, DownloadFile];
  readonly probabilities: Float32Array;
  /** Each pooling layer's output, digit after digit. */
  readonly pools: Record<string, number[]>;
}

let dir = '';
let images = new Float32Array(0);
const originals: Original[] = [];
let report: PlainTfjsReport;
let tensorsBefore = 0;

beforeAll(async () => {
  await tf.setBackend('cpu');
  tensorsBefore = tf.memory().numTensors;
  dir = mkdtempSync(join(tmpdir(), 'convlens-download-'));
  const data = readMnist();
  const { test } = splitIndices(data);
  const picked = Array.from({ length: 10 * DIGITS_PER_CLASS }, (_, k) => test[Math.floor(k / DIGITS_PER_CLASS) * 100 + (k % DIGITS_PER_CLASS)]);
  images = new Float32Array(picked.length * 784);
  picked.forEach((index, k) => images.set(digitImage(data, index).data, k * 784));
  writeFileSync(join(dir, 'digits.f32'), images);

  for (const pool of POOLINGS) {
    const spec = specWith(pool);
    const model = buildModel(spec, { seed: 11 });
    const serialised = await serialiseModel(model);
    const files = downloadFiles(serialised, { name: `Net ${pool}`, savedAt: null, heldOutAccuracy: null });
    for (const f of files) writeFileSync(join(dir, f.fileName), f.data);
    if (pool === 'min') {
      // The form ConvLens keeps internally (MinPooling2D), pointing at the same weights.
      const legacy = { ...serialised.modelJson, weightsManifest: [{ ...serialised.modelJson.weightsManifest[0], paths: [`./${files[1].fileName}`] }] };
      writeFileSync(join(dir, 'legacy-min.json'), JSON.stringify(legacy));
    }
    const pools: Record<string, number[]> = {};
    for (let k = 0; k < picked.length; k++) {
      for (const out of await computeLayerOutputs(model, images.subarray(k * 784, (k + 1) * 784))) {
        if (out.kind === 'pool') (pools[out.name] ??= []).push(...out.data);
      }
    }
    originals.push({ pool, spec, files, probabilities: await predictBatch(model, images), pools });
    model.dispose();
  }

  const job: PlainTfjsJob = {
    dir,
    digitsFile: 'digits.f32',
    models: originals.map((o) => ({ json: o.files[0].fileName, layers: Object.keys(o.pools) })),
    refused: ['legacy-min.json'],
    report: join(dir, 'report.json'),
  };
  writeFileSync(join(dir, 'job.json'), JSON.stringify(job));
  await promisify(execFile)(process.execPath, ['--import', 'tsx', join(HERE, 'plainTfjs.child.ts'), join(dir, 'job.json')], { cwd: ROOT, timeout: 120_000 });
  report = JSON.parse(readFileSync(job.report, 'utf8')) as PlainTfjsReport;
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('downloaded models in plain tfjs (a process that never imported ConvLens)', () => {
  it('runs in a tfjs where MinPooling2D is unknown: the form ConvLens keeps inside is refused there', () => {
    expect(report.registered).toContain('MaxPooling2D');
    expect(report.registered).toContain('Rescaling');
    expect(report.registered).not.toContain('MinPooling2D');
    expect(report.refused['legacy-min.json']).toMatch(/Unknown layer: MinPooling2D/);
  });

  it.each(POOLINGS)('%s pooling: loads, and predicts what ConvLens predicts within 1e-5, with the same pooled maps', (pool) => {
    const original = originals.find((o) => o.pool === pool)!;
    const result = report.models[original.files[0].fileName];
    if ('error' in result) throw new Error(`plain tfjs did not load ${original.files[0].fileName}: ${result.error}`);
    const loaded = result;
    expect(loaded.classes).not.toContain('MinPooling2D');
    expect(loaded.classes.filter((c) => c === 'Rescaling')).toHaveLength(pool === 'min' ? 4 : 0);
    expect(maxDifference(loaded.probabilities, original.probabilities)).toBeLessThan(1e-5);
    expect(argmaxes(loaded.probabilities)).toEqual(argmaxes(original.probabilities));
    expect(Object.keys(loaded.layers)).toEqual(pool === 'none' ? [] : ['pool1', 'pool2']);
    for (const [name, values] of Object.entries(loaded.layers)) expect(maxDifference(values, original.pools[name]), name).toBeLessThan(1e-6);
  });

  it('tells the poolings apart: the same weights with max pooling predict visibly differently', () => {
    const [min, max] = (['min', 'max'] as const).map((p) => originals.find((o) => o.pool === p)!.probabilities);
    expect(maxDifference(min, max)).toBeGreaterThan(1e-2);
  });

  it('frees every tensor, in the loading process and here', () => {
    expect(report.tensorsAfter).toBe(report.tensorsBefore);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});

describe('the downloaded files upload back into ConvLens', () => {
  it.each(POOLINGS)('%s pooling: the same architecture, min pooling as one layer again, the same predictions', async (pool) => {
    const original = originals.find((o) => o.pool === pool)!;
    const checked = await checkModelFiles(original.files.map(asFile));
    if (!checked.ok) throw new Error(`refused: ${checked.error.code} ${JSON.stringify(checked.error.params)}`);
    expect(checked.value.spec).toEqual(original.spec);
    expect(checked.value.metadata.name).toBe(`Net ${pool}`);
    const before = tf.memory().numTensors;
    const built = await modelFromPackage(checked.value, checked.value.spec);
    if (!built.ok) throw new Error(`not built: ${built.error.code} ${JSON.stringify(built.error.params)}`);
    const model = built.value;
    expect(model.layers.map((l) => l.getClassName())).not.toContain('Rescaling');
    if (pool === 'min') expect(['pool1', 'pool2'].map((n) => model.getLayer(n).getClassName())).toEqual(['MinPooling2D', 'MinPooling2D']);
    expect(maxDifference(await predictBatch(model, images), original.probabilities)).toBe(0);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(POOLINGS)('%s pooling: the plain-JavaScript reader reads the downloaded weights as they are, and predicts the same', (pool) => {
    const original = originals.find((o) => o.pool === pool)!;
    const [json, bin] = original.files;
    const manifest = JSON.parse(json.data as string).weightsManifest;
    expect(manifest).toHaveLength(1);
    const bytes = bin.data as Uint8Array;
    const plain = PlainNetwork.create(
      original.spec,
      weightsFromShards(manifest[0], bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer),
    );
    const probabilities = Array.from({ length: images.length / 784 }, (_, k) =>
      Array.from(plain.run(images.subarray(k * 784, (k + 1) * 784)).at(-1)!.data),
    ).flat();
    expect(maxDifference(probabilities, original.probabilities)).toBeLessThan(1e-5);
  });

  it('files written with MinPooling2D itself (before downloads used built-in layers) still upload', async () => {
    const original = originals.find((o) => o.pool === 'min')!;
    const legacy = new File([readFileSync(join(dir, 'legacy-min.json'))], 'legacy-min.json');
    const checked = await checkModelFiles([legacy, asFile(original.files[1])]);
    if (!checked.ok) throw new Error(`refused: ${checked.error.code}`);
    expect(checked.value.spec).toEqual(original.spec);
    const built = await modelFromPackage(checked.value, checked.value.spec);
    if (!built.ok) throw new Error(`not built: ${built.error.code}`);
    expect(maxDifference(await predictBatch(built.value, images), original.probabilities)).toBe(0);
    built.value.dispose();
  });
});
