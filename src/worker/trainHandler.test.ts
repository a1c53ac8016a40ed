import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../data/node';
import type { BackendChoice } from '../model/backendChoice';
import { buildModel } from '../model/build';
import type { ModelSpec } from '../model/spec';
import { pickDigits, type TrainingData } from '../model/trainingData';
import type { TrainOptions } from '../model/trainOptions';
import { wasmBinariesFolder } from '../model/wasmTestSupport';
import { snapshotWeights } from '../model/weights';
import { createBackendPicker } from './backendPicker';
import { PenGate } from './penGate';
import type { BackendRequest, TrainMessage, WorkerMessage, WorkerStateMessage } from './protocol';
import { createTrainHandler } from './trainHandler';
import { TRIAL_BATCH, TRIAL_TIMED_STEPS } from './trialWork';

const SPEC: ModelSpec = {
  convBlocks: [{ filters: 4, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }],
  dense: [{ units: 16, activation: 'relu', dropout: 0 }],
};
const mnist = readMnist();
const indices = (from: number, count: number) => Int32Array.from({ length: count }, (_, i) => mnist.classStart[i % 10] + from + Math.floor(i / 10));
const DATA: TrainingData = { train: pickDigits(mnist, indices(0, 96)), heldOut: pickDigits(mnist, indices(100, 20)) };
const NOTHING_REMEMBERED: BackendRequest = { remembered: null, remeasure: false };

let nextId = 1;
async function trainMessage(backend: BackendRequest, batchSize = 32, spec = SPEC, more: Partial<TrainOptions> = {}): Promise<TrainMessage> {
  const model = buildModel(spec, { seed: 2 });
  const weights = await snapshotWeights(model);
  const topology = model.toJSON(null, false) as object;
  model.dispose();
  return { type: 'train', id: nextId++, topology, weights, data: DATA, options: { epochs: 1, batchSize, seed: 3, yieldEveryMs: 0, ...more }, backend };
}

/** A real handler and picker (wasm from node_modules), and every message it posts. */
function worker(pen?: PenGate, onPost?: (message: WorkerMessage) => void) {
  const posted: WorkerMessage[] = [];
  const post = (message: WorkerMessage) => (posted.push(message), onPost?.(message));
  const handle = createTrainHandler(post, createBackendPicker(wasmBinariesFolder()), pen);
  const of = <T extends WorkerMessage['type']>(type: T) => posted.filter((m): m is Extract<WorkerMessage, { type: T }> => m.type === type);
  return { handle, posted, of };
}

const lastState = (messages: WorkerStateMessage[]) => messages[messages.length - 1];

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('the worker’s backend trial', () => {
  it('measures wasm and the CPU at the first run, says why WebGL cannot run in node, trains on the faster, and frees every tensor of the trial', async () => {
    const { handle, of } = worker();
    const baseline = tf.memory().numTensors;
    await handle(await trainMessage(NOTHING_REMEMBERED));
    expect(of('error')).toEqual([]);
    expect(of('done')).toHaveLength(1);
    // The replay's copies of the first epoch (3 batches of 32: after batches 1 and 2), every weight of the model.
    const early = of('first-epoch-weights');
    expect(early.map((m) => [m.point.epoch, m.point.batch, m.point.examplesSeen])).toEqual([
      [1, 1, 32],
      [1, 2, 64],
    ]);
    expect(early[0].snapshot.weights.map((w) => w.name)).toEqual(of('done')[0].finalWeights.weights.map((w) => w.name));
    expect(early[0].snapshot.weights[0].values).not.toEqual(early[1].snapshot.weights[0].values);
    const trials = of('trial');
    expect(trials).toHaveLength(1);
    const trial = trials[0].choice;
    expect(trial.remembered).toBe(false);
    expect(trial.rates.map((r) => r.backend)).toEqual(['wasm', 'webgl', 'cpu']);
    const rate = (backend: string) => trial.rates.find((r) => r.backend === backend)!;
    expect(rate('wasm').examplesPerSecond).toBeGreaterThan(0);
    expect(rate('cpu').examplesPerSecond).toBeGreaterThan(0);
    expect(rate('webgl')).toEqual({ backend: 'webgl', examplesPerSecond: null, error: expect.stringMatching(/OffscreenCanvas/) });
    expect(trial.choice).toBe(rate('wasm').examplesPerSecond! > rate('cpu').examplesPerSecond! ? 'wasm' : 'cpu');
    expect(trial.batchSize).toBe(TRIAL_BATCH);
    expect(trial.timedSteps).toBe(TRIAL_TIMED_STEPS);
    // The run trained on the backend the trial chose, and said so with the rates.
    const states = of('state');
    expect(states.map((s) => s.backend)).toEqual([trial.choice, trial.choice]);
    expect(states.every((s) => s.trial === trial && s.fallback === null)).toBe(true);
    expect(tf.getBackend()).toBe(trial.choice);
    expect(tf.memory().numTensors).toBe(baseline);
    expect(lastState(states).numTensors).toBe(baseline);

    // The next run keeps the backend without measuring again.
    await handle(await trainMessage(NOTHING_REMEMBERED));
    expect(of('trial')).toHaveLength(1);
    expect(of('done')).toHaveLength(2);
    expect(lastState(of('state')).trial).toBe(trial);
    expect(tf.memory().numTensors).toBe(baseline);
  }, 60_000);

  it('trains on a remembered choice without measuring, and measures again when asked', async () => {
    const remembered: BackendChoice = {
      choice: 'cpu',
      rates: [
        { backend: 'wasm', examplesPerSecond: 10, error: null },
        { backend: 'webgl', examplesPerSecond: null, error: 'no canvas' },
        { backend: 'cpu', examplesPerSecond: 20, error: null },
      ],
      batchSize: 8,
      timedSteps: 2,
      measuredAt: Date.UTC(2026, 11, 3),
      remembered: true,
    };
    const { handle, of } = worker();
    await handle(await trainMessage({ remembered, remeasure: false }));
    expect(of('trial')).toEqual([]);
    expect(of('done')).toHaveLength(1);
    expect(of('state').map((s) => [s.backend, s.trial])).toEqual([
      ['cpu', remembered],
      ['cpu', remembered],
    ]);

    await handle(await trainMessage({ remembered, remeasure: true }));
    expect(of('trial')).toHaveLength(1);
    const measured = of('trial')[0].choice;
    expect(measured.remembered).toBe(false);
    expect(measured.measuredAt).toBeGreaterThan(remembered.measuredAt);
    expect(lastState(of('state'))).toMatchObject({ backend: measured.choice, trial: measured });
  }, 60_000);

  it('falls back to wasm, saying why, when the remembered WebGL cannot start here', async () => {
    const remembered: BackendChoice = {
      choice: 'webgl',
      rates: [{ backend: 'webgl', examplesPerSecond: 900, error: null }],
      batchSize: 8,
      timedSteps: 2,
      measuredAt: Date.UTC(2026, 11, 3),
      remembered: true,
    };
    const { handle, of } = worker();
    await handle(await trainMessage({ remembered, remeasure: false }));
    expect(of('done')).toHaveLength(1);
    const state = lastState(of('state'));
    expect(state.backend).toBe('wasm');
    expect(state.fallback).toMatch(/OffscreenCanvas/);
    expect(state.trial).toBe(remembered);
  }, 60_000);
});

describe('the pen', () => {
  it('opens and closes the gate with its messages, and a run waits the gate’s time after each batch while the pen is down', async () => {
    const WAIT_MS = 150;
    const pen = new PenGate(WAIT_MS);
    // The trial runs first; batches are timed from the first batch message on.
    const times: number[] = [];
    const { handle, of } = worker(pen, (m) => void (m.type === 'batch' && times.push(performance.now())));
    await handle({ type: 'pen', down: true });
    expect(pen.isDown).toBe(true);
    await handle(await trainMessage(NOTHING_REMEMBERED, 16));
    expect(of('done')).toHaveLength(1);
    expect(times).toHaveLength(6);
    // Timers never fire early by more than a millisecond or so; batches go no faster than the gate.
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(WAIT_MS - 2);
    await handle({ type: 'pen', down: false });
    expect(pen.isDown).toBe(false);
    const start = performance.now();
    await pen.pass();
    expect(performance.now() - start).toBeLessThan(WAIT_MS);
  }, 60_000);
});

describe('dropout masks', () => {
  const WITH_DROPOUT: ModelSpec = { ...SPEC, dense: [{ units: 24, activation: 'relu', dropout: 0.5 }] };

  it('posts a recent step’s mask as plain data, at most every maskEveryMs, for the run’s first dropout layer', async () => {
    const { handle, of } = worker();
    const every = await trainMessage(NOTHING_REMEMBERED, 16, WITH_DROPOUT, { maskEveryMs: 0 });
    await handle(every);
    expect(of('done')).toHaveLength(1);
    const masks = of('mask');
    // 96 digits in batches of 16: six steps, each one's mask.
    expect(masks.map((m) => [m.id, m.mask.step])).toEqual([1, 2, 3, 4, 5, 6].map((step) => [every.id, step]));
    for (const { mask } of masks) {
      expect(mask).toMatchObject({ layer: 'dropout1', units: 24, rate: 0.5 });
      expect(mask.kept).toBeInstanceOf(Uint8Array);
      expect(mask.kept).toHaveLength(24);
      expect(mask.kept.every((k) => k === 0 || k === 1)).toBe(true);
      expect(mask.scale).toBeCloseTo(2, 5);
    }
    expect(new Set(masks.map((m) => m.mask.kept.join(''))).size).toBeGreaterThan(1);

    const { handle: handleRare, of: ofRare } = worker();
    await handleRare(await trainMessage(NOTHING_REMEMBERED, 16, WITH_DROPOUT, { maskEveryMs: 60_000 }));
    expect(ofRare('mask').map((m) => m.mask.step)).toEqual([1]);
  }, 60_000);

  it('posts no mask for a network without dropout', async () => {
    const { handle, of } = worker();
    await handle(await trainMessage(NOTHING_REMEMBERED, 16, SPEC, { maskEveryMs: 0 }));
    // Every batch was reported (in messages of several batches: batchBundler.ts).
    expect(of('batch').flatMap((m) => m.metrics)).toHaveLength(6);
    expect(of('mask')).toEqual([]);
  }, 60_000);
});
