import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../data/node';
import { buildModel } from '../model/build';
import type { ModelSpec } from '../model/spec';
import { trainModel } from '../model/train';
import type { BatchMetrics, DropoutMaskReport, TrainerInfo } from '../model/trainMetrics';
import { TrainingControl } from '../model/trainingControl';
import { pickDigits, type TrainingData } from '../model/trainingData';
import type { TrainOptions } from '../model/trainOptions';
import { wasmBinariesFolder } from '../model/wasmTestSupport';
import { snapshotWeights, type WeightSnapshot } from '../model/weights';
import type { BackendChoice } from '../model/backendChoice';
import type { ReplayPoint } from '../core/replaySchedule';
import type { BackendRequest, PageMessage, WorkerMessage } from './protocol';
import { createBackendPicker } from './backendPicker';
import { createTrainHandler } from './trainHandler';
import { trainOver, type WorkerEndpoint } from './trainOver';
import { startWorkerBackend } from './workerBackend';

const SPEC: ModelSpec = {
  convBlocks: [{ filters: 4, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }],
  dense: [{ units: 16, activation: 'relu', dropout: 0.25 }],
};
const OPTIONS: Partial<TrainOptions> = { epochs: 2, batchSize: 32, learningRate: 0.01, seed: 7, gradientEvery: 2, yieldEveryMs: 0 };

const mnist = readMnist();
const indices = (from: number, count: number) => Int32Array.from({ length: count }, (_, i) => mnist.classStart[i % 10] + from + Math.floor(i / 10));
const DATA: TrainingData = { train: pickDigits(mnist, indices(0, 320)), heldOut: pickDigits(mnist, indices(100, 60)) };

/**
 * The worker's handler and the page's side joined by a real message channel (structured
 * cloning and transfers as between a page and a worker), on one tfjs (its wasm backend).
 */
function channelEndpoint(bundleMs?: number): { connect: () => WorkerEndpoint; close: () => void } {
  const channel = new MessageChannel();
  const handle = createTrainHandler(
    (message, transfer = []) => channel.port2.postMessage(message, transfer),
    createBackendPicker(wasmBinariesFolder()),
    undefined,
    bundleMs,
  );
  channel.port2.onmessage = (event: MessageEvent<PageMessage>) => void handle(event.data);
  const endpoint: WorkerEndpoint = {
    post: (message, transfer) => channel.port1.postMessage(message, transfer),
    listen: (onMessage) => {
      channel.port1.onmessage = (event: MessageEvent<WorkerMessage>) => onMessage(event.data);
      return () => {
        channel.port1.onmessage = null;
      };
    },
  };
  return { connect: () => endpoint, close: () => (channel.port1.close(), channel.port2.close()) };
}

const flat = (snapshot: WeightSnapshot) => snapshot.weights.flatMap((w) => Array.from(w.values));

let channel: ReturnType<typeof channelEndpoint>;
beforeAll(async () => {
  channel = channelEndpoint();
  // The backend the worker starts is tfjs's global one here (one tfjs for both sides).
  expect(await startWorkerBackend('wasm', wasmBinariesFolder())).toEqual({ backend: 'wasm', fallback: null });
});
afterAll(async () => {
  channel.close();
  await tf.setBackend('cpu');
});

describe('training in the worker', () => {
  it('gives exactly what trainModel gives on the same backend, and sets the final weights into the page model', async () => {
    const inPage = buildModel(SPEC, { seed: 3 });
    const viaWorker = buildModel(SPEC, { seed: 3 });
    const start = flat(await snapshotWeights(viaWorker));
    const baseline = tf.memory().numTensors;
    const batches: BatchMetrics[] = [];
    const trainers: TrainerInfo[] = [];
    const expected = await trainModel(inPage, DATA, OPTIONS, {}, new TrainingControl());
    const result = await trainOver(channel.connect)(
      viaWorker,
      DATA,
      OPTIONS,
      { onBatch: (m) => void batches.push(m), onTrainer: (info) => void trainers.push(info) },
      new TrainingControl(),
    );
    expect(result.status).toBe('completed');
    expect(result.history).toEqual(expected.history.map((h, i) => ({ ...h, elapsedSeconds: result.history[i].elapsedSeconds })));
    expect(batches).toHaveLength(20);
    expect(batches.filter((b) => b.gradients).length).toBe(10);
    const finalWeights = flat(await snapshotWeights(viaWorker));
    expect(finalWeights).toEqual(flat(await snapshotWeights(inPage)));
    expect(finalWeights).not.toEqual(start);
    expect(result.history[1].trainLoss).toBeLessThan(result.history[0].trainLoss);
    // The worker measured its backends first (wasm is by far the fastest in node), reported
    // its backend as the run began and ended, and freed its model and the trial's work.
    expect(trainers.map((t) => t.backend)).toEqual(['wasm', 'wasm']);
    expect(trainers[0].trial?.choice).toBe('wasm');
    expect(tf.memory().numTensors).toBe(baseline);
    inPage.dispose();
    viaWorker.dispose();
  });

  it('brings across the dropout masks trainModel reports on the page, step for step', async () => {
    const options = { ...OPTIONS, epochs: 1, maskEveryMs: 0 };
    const inPage = buildModel(SPEC, { seed: 5 });
    const viaWorker = buildModel(SPEC, { seed: 5 });
    const baseline = tf.memory().numTensors;
    const expected: DropoutMaskReport[] = [];
    await trainModel(inPage, DATA, options, { onDropoutMask: (m) => void expected.push(m) }, new TrainingControl());
    const masks: DropoutMaskReport[] = [];
    await trainOver(channel.connect)(viaWorker, DATA, options, { onDropoutMask: (m) => void masks.push(m) }, new TrainingControl());
    expect(expected.map((m) => m.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(masks.map((m) => ({ ...m, kept: Array.from(m.kept) }))).toEqual(expected.map((m) => ({ ...m, kept: Array.from(m.kept) })));
    expect(masks[0]).toMatchObject({ layer: 'dropout1', units: 16, rate: 0.25 });
    expect(tf.memory().numTensors).toBe(baseline);
    inPage.dispose();
    viaWorker.dispose();
  });

  it('brings across the replay’s first-epoch weight copies trainModel takes on the page, weight for weight', async () => {
    const options = { ...OPTIONS, epochs: 1 };
    const inPage = buildModel(SPEC, { seed: 6 });
    const viaWorker = buildModel(SPEC, { seed: 6 });
    const baseline = tf.memory().numTensors;
    const expected: [ReplayPoint, WeightSnapshot][] = [];
    await trainModel(inPage, DATA, options, { onFirstEpochWeights: (p, s) => void expected.push([p, s]) }, new TrainingControl());
    const copies: [ReplayPoint, WeightSnapshot][] = [];
    await trainOver(channel.connect)(viaWorker, DATA, options, { onFirstEpochWeights: (p, s) => void copies.push([p, s]) }, new TrainingControl());
    // 10 batches: copies after batches 1, 2, 4 and 8.
    expect(expected.map(([p]) => p.batch)).toEqual([1, 2, 4, 8]);
    expect(copies.map(([p]) => p)).toEqual(expected.map(([p]) => p));
    copies.forEach(([, s], i) => expect(flat(s)).toEqual(flat(expected[i][1])));
    expect(tf.memory().numTensors).toBe(baseline);
    inPage.dispose();
    viaWorker.dispose();
  });

  it('pauses, resumes and stops between batches, keeping the weights it stopped with', async () => {
    const model = buildModel(SPEC, { seed: 4 });
    const start = flat(await snapshotWeights(model));
    const baseline = tf.memory().numTensors;
    const control = new TrainingControl();
    const seen: number[] = [];
    // Every batch message as it arrives, before the page's callbacks take it in turn. Each
    // batch in a message of its own, so the page pauses as soon as batch 2 is done (bundled,
    // the worker would be up to 100 ms further on when the page hears of it, here past an epoch).
    let arrived = 0;
    const unbundled = channelEndpoint(0);
    const counting = (): WorkerEndpoint => {
      const endpoint = unbundled.connect();
      return { ...endpoint, listen: (onMessage, onFailure) => endpoint.listen((m) => (m.type === 'batch' && arrived++, onMessage(m)), onFailure) };
    };
    const result = await trainOver(counting)(
      model,
      DATA,
      { ...OPTIONS, epochs: 5 },
      {
        onBatch: async (m) => {
          seen.push(m.batch);
          if (seen.length === 2) {
            control.pause();
            // Paused, the worker sends at most the step it had queued, then nothing.
            await new Promise((resolve) => setTimeout(resolve, 400));
            const whilePaused = arrived;
            await new Promise((resolve) => setTimeout(resolve, 400));
            expect(arrived).toBe(whilePaused);
            control.resume();
          }
          if (seen.length === 4) control.stop();
        },
      },
      control,
    );
    unbundled.close();
    expect(result.status).toBe('stopped');
    expect(result.epochsCompleted).toBe(0);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.length).toBeLessThan(10);
    expect(flat(await snapshotWeights(model))).not.toEqual(start);
    expect(tf.memory().numTensors).toBe(baseline);
    model.dispose();
  });

  it('repeats a seeded run exactly', async () => {
    const runOnce = async () => {
      const model = buildModel(SPEC, { seed: 5 });
      const result = await trainOver(channel.connect)(model, DATA, { ...OPTIONS, epochs: 1 }, {}, new TrainingControl());
      const weights = flat(await snapshotWeights(model));
      model.dispose();
      return { loss: result.history[0].trainLoss, weights };
    };
    const first = await runOnce();
    expect(await runOnce()).toEqual(first);
  });

  it('rejects with the loop’s own message for bad settings, leaking nothing', async () => {
    const model = buildModel(SPEC, { seed: 6 });
    const baseline = tf.memory().numTensors;
    await expect(trainOver(channel.connect)(model, DATA, { batchSize: 0 }, {}, new TrainingControl())).rejects.toThrow(/Batch size must be a whole number/);
    expect(tf.memory().numTensors).toBe(baseline);
    model.dispose();
  });

  it('sends each run’s backend request, remembers the trial the worker measured, and shows it with the backend', async () => {
    const fresh = channelEndpoint();
    const requests: BackendRequest[] = [];
    const remembered: BackendChoice[] = [];
    const hooks = {
      request: () => {
        const request: BackendRequest = { remembered: null, remeasure: requests.length === 1 };
        requests.push(request);
        return request;
      },
      remember: (choice: BackendChoice) => void remembered.push(choice),
    };
    const model = buildModel(SPEC, { seed: 9 });
    const trainers: TrainerInfo[] = [];
    const train = trainOver(fresh.connect, hooks);
    // The first run measures (nothing remembered), the second because it asks to, the third keeps the backend.
    for (let run = 0; run < 3; run++)
      await train(model, DATA, { ...OPTIONS, epochs: 1 }, { onTrainer: (info) => void trainers.push(info) }, new TrainingControl());
    expect(requests.map((r) => r.remeasure)).toEqual([false, true, false]);
    expect(remembered).toHaveLength(2);
    expect(remembered.every((c) => !c.remembered && c.rates.length === 3)).toBe(true);
    expect(trainers.map((t) => t.trial)).toEqual([remembered[0], remembered[0], remembered[1], remembered[1], remembered[1], remembered[1]]);
    expect(trainers.every((t) => t.backend === t.trial?.choice)).toBe(true);
    fresh.close();
    model.dispose();
  }, 60_000);

  it('rejects with the worker’s message when a run fails there, leaving the page’s model at its last completed epoch', async () => {
    const model = buildModel(SPEC, { seed: 10 });
    const other = buildModel(SPEC, { seed: 11 });
    const epochWeights = await snapshotWeights(other);
    other.dispose();
    // A worker side that reports one epoch, then fails, as a run whose WebGL context was lost.
    const endpoint: WorkerEndpoint = {
      post: () => undefined,
      listen: (onMessage) => {
        const metrics = { epoch: 1, trainLoss: 1, trainAccuracy: 0.5, heldOutLoss: 1, heldOutAccuracy: 0.5, elapsedSeconds: 1 };
        queueMicrotask(() => {
          onMessage({ type: 'epoch', id: 1, metrics, snapshot: epochWeights });
          onMessage({ type: 'error', id: 1, message: 'The context was lost.' });
        });
        return () => undefined;
      },
    };
    const epochs: number[] = [];
    const failing = trainOver(() => endpoint)(model, DATA, OPTIONS, { onEpoch: (m) => void epochs.push(m.epoch) }, new TrainingControl());
    await expect(failing).rejects.toThrow('The context was lost.');
    expect(epochs).toEqual([1]);
    expect(flat(await snapshotWeights(model))).toEqual(flat(epochWeights));
    model.dispose();
  });

  it('hands the run over once its weights are sent, and sets its final weights into the page model of the end (rebuilt meanwhile), not the lost one', async () => {
    const reference = buildModel(SPEC, { seed: 12 });
    await trainModel(reference, DATA, OPTIONS, {}, new TrainingControl());
    const expected = flat(await snapshotWeights(reference));
    reference.dispose();
    const lost = buildModel(SPEC, { seed: 12 });
    const start = flat(await snapshotWeights(lost));
    const rebuilt = buildModel(SPEC, { seed: 13 });
    const baseline = tf.memory().numTensors;
    const control = new TrainingControl();
    let handedOver: number[] | null = null;
    let target = lost;
    // The page's model is lost at the first batch; the rebuild ends only after the run did.
    let rebuild: Promise<void> | null = null;
    let endRebuild = () => undefined as void;
    const result = await trainOver(channel.connect)(
      lost,
      DATA,
      OPTIONS,
      {
        onHandOver: (weights) => void (handedOver = flat(weights)),
        onBatch: () => {
          if (rebuild) return;
          expect(handedOver).toEqual(start);
          rebuild = new Promise<void>((resolve) => (endRebuild = resolve)).then(() => void (target = rebuilt));
          control.pause();
          setTimeout(() => control.resume(), 200);
        },
        onEpoch: (metrics) => {
          if (metrics.epoch === 2) setTimeout(endRebuild, 300);
        },
        pageModel: async () => {
          await rebuild;
          return target;
        },
      },
      control,
    );
    expect(result.status).toBe('completed');
    expect(result.finalWeights && flat(result.finalWeights)).toEqual(expected);
    expect(flat(await snapshotWeights(rebuilt))).toEqual(expected);
    expect(flat(await snapshotWeights(lost))).toEqual(start);
    expect(tf.memory().numTensors).toBe(baseline);
    lost.dispose();
    rebuilt.dispose();
  });

  it('keeps the final weights in the result when no page model could be rebuilt', async () => {
    const model = buildModel(SPEC, { seed: 14 });
    const start = flat(await snapshotWeights(model));
    const baseline = tf.memory().numTensors;
    const result = await trainOver(channel.connect)(
      model,
      DATA,
      { ...OPTIONS, epochs: 1 },
      { pageModel: () => Promise.reject(new Error('The network could not be rebuilt on the CPU.')) },
      new TrainingControl(),
    );
    expect(result.status).toBe('completed');
    expect(result.finalWeights).toBeDefined();
    const final = flat(result.finalWeights!);
    expect(final).toHaveLength(start.length);
    expect(final).not.toEqual(start);
    expect(final).toEqual(flat(result.lastSnapshot!));
    expect(flat(await snapshotWeights(model))).toEqual(start);
    expect(tf.memory().numTensors).toBe(baseline);
    model.dispose();
  });

  it('ends at once, as stopped, when the page abandons the run', async () => {
    const model = buildModel(SPEC, { seed: 8 });
    const control = new TrainingControl();
    const result = await trainOver(channel.connect)(model, DATA, { ...OPTIONS, epochs: 3 }, { onBatch: () => control.abandon('gone') }, control);
    expect(result).toEqual({ status: 'stopped', epochsCompleted: 0, history: [], lastSnapshot: null });
    model.dispose();
  });
});
