import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../data/node';
import { predictBatch } from './activations';
import { buildModel } from './build';
import type { ModelSpec } from './spec';
import { evaluateModel } from './evaluate';
import { trainModel } from './train';
import type { BatchMetrics, EpochMetrics } from './trainMetrics';
import type { OptimizerName } from './trainOptions';
import { TrainingControl } from './trainingControl';
import { pickDigits, trainingDataFromMnist, type TrainingData } from './trainingData';
import { averageSnapshots, restoreWeights, snapshotWeights } from './weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A model small enough to train in node's CPU backend in well under a second per step. */
const TINY_SPEC: ModelSpec = {
  convBlocks: [{ filters: 4, kernelSize: 3, stride: 2, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }],
  dense: [{ units: 16, activation: 'relu', dropout: 0 }],
};

const mnist = readMnist();
/** 32 training digits (a few of each class) and 20 held-out ones. */
const data: TrainingData = (() => {
  const full = trainingDataFromMnist(mnist);
  const pick = (count: number, per: number) => Int32Array.from({ length: count }, (_, i) => mnist.classStart[i % 10] + Math.floor(i / 10) + per);
  return { train: pickDigits(mnist, pick(32, 0)), heldOut: { ...full.heldOut, count: 20, labels: full.heldOut.labels.subarray(0, 20) } };
})();

describe('trainModel', () => {
  it('lowers the loss on a fixed batch and leaves no tensors', async () => {
    const model = buildModel(TINY_SPEC, { seed: 1 });
    const before = tf.memory().numTensors;
    const losses: number[] = [];
    const result = await trainModel(
      model,
      data,
      { epochs: 12, batchSize: 32, augment: null, learningRate: 0.01, schedule: 'constant', seed: 1 },
      { onBatch: (m) => void losses.push(m.loss) },
    );
    expect(result.status).toBe('completed');
    expect(losses).toHaveLength(12);
    expect(losses[11]).toBeLessThan(0.7 * losses[0]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('reports batches and epochs with sensible metrics and a weight snapshot', async () => {
    const model = buildModel(TINY_SPEC, { seed: 2 });
    const batches: BatchMetrics[] = [];
    const epochs: EpochMetrics[] = [];
    const result = await trainModel(
      model,
      data,
      { epochs: 2, batchSize: 10, trainExamples: 25, seed: 3 },
      {
        onBatch: (m) => void batches.push(m),
        onEpoch: (m, snapshot) => {
          epochs.push(m);
          expect(snapshot.weights.map((w) => w.name)).toEqual(model.weights.map((w) => w.originalName));
        },
      },
    );
    expect(batches.map((b) => `${b.epoch}.${b.batch}/${b.batchesPerEpoch}`)).toEqual(['1.1/3', '1.2/3', '1.3/3', '2.1/3', '2.2/3', '2.3/3']);
    expect(batches[5].examplesSeen).toBe(50);
    expect(batches[5].examplesTotal).toBe(50);
    expect(batches.every((b) => b.accuracy >= 0 && b.accuracy <= 1 && b.examplesPerSecond > 0)).toBe(true);
    // The cosine schedule only goes down.
    expect(batches[5].learningRate).toBeLessThan(batches[0].learningRate);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(epochs.every((e) => e.heldOutAccuracy >= 0 && e.heldOutAccuracy <= 1 && e.heldOutLoss > 0)).toBe(true);
    expect(result.history).toEqual(epochs);
    expect(result.lastSnapshot).not.toBeNull();
    model.dispose();
  });

  it('is reproducible for a seed (no dropout, no augmentation randomness beyond the seed)', async () => {
    const spec: ModelSpec = { ...TINY_SPEC, dense: [{ units: 16, activation: 'relu', dropout: 0 }] };
    const run = async () => {
      const model = buildModel(spec, { seed: 4 });
      const losses: number[] = [];
      await trainModel(model, data, { epochs: 2, batchSize: 16, seed: 4 }, { onBatch: (m) => void losses.push(m.loss) });
      model.dispose();
      return losses;
    };
    expect(await run()).toEqual(await run());
  });

  describe('with dropout', () => {
    const spec: ModelSpec = { ...TINY_SPEC, dense: [{ units: 16, activation: 'relu', dropout: 0.5 }] };
    /** Per-batch losses of a run; the model is built and trained with the same seed. */
    const lossesOf = async (seed: number, options: Parameters<typeof trainModel>[2] = {}) => {
      const model = buildModel(spec, { seed });
      const losses: number[] = [];
      await trainModel(model, data, { epochs: 2, batchSize: 16, seed, ...options }, { onBatch: (m) => void losses.push(m.loss) });
      const seeds = model.layers.filter((l) => l.getClassName() === 'Dropout').map((l) => (l.getConfig() as { seed?: number }).seed);
      model.dispose();
      return { losses, seeds };
    };

    it('is reproducible for a seed, and another seed gives another run', async () => {
      const a = await lossesOf(4);
      expect(a.losses).toEqual((await lossesOf(4)).losses);
      expect(a.losses).not.toEqual((await lossesOf(5)).losses);
      // The per-step seeds are gone once the run is over (a saved model carries none).
      expect(a.seeds).toEqual([undefined]);
    });

    it('draws a fresh mask at every step', async () => {
      // Weights that do not move and the same one digit at every step: only the mask changes the loss.
      const still = { optimizer: 'sgd', learningRate: 1e-30, schedule: 'constant', augment: null, batchSize: 1, trainExamples: 1, epochs: 8 } as const;
      const { losses } = await lossesOf(6, still);
      expect(new Set(losses.map((l) => l.toFixed(4))).size).toBe(losses.length);
      const spread = Math.max(...losses) - Math.min(...losses);
      expect(spread).toBeGreaterThan(0.01);
    });
  });

  it.each(['sgd', 'rmsprop', 'adam'] as OptimizerName[])('trains with %s and frees its optimiser state', async (optimizer) => {
    const model = buildModel(TINY_SPEC, { seed: 5 });
    const before = tf.memory().numTensors;
    const losses: number[] = [];
    await trainModel(
      model,
      data,
      { optimizer, learningRate: optimizer === 'sgd' ? 0.1 : 0.01, epochs: 6, batchSize: 32, augment: null, schedule: 'constant' },
      {
        onBatch: (m) => void losses.push(m.loss),
      },
    );
    expect(losses[5]).toBeLessThan(losses[0]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('stops between batches and frees every tensor', async () => {
    const model = buildModel(TINY_SPEC, { seed: 6 });
    const before = tf.memory().numTensors;
    const control = new TrainingControl();
    let batches = 0;
    const result = await trainModel(
      model,
      data,
      { epochs: 5, batchSize: 8 },
      {
        onBatch: () => {
          if (++batches === 2) control.stop();
        },
      },
      control,
    );
    expect(result).toMatchObject({ status: 'stopped', epochsCompleted: 0, lastSnapshot: null });
    // Step 3 was already queued when step 2 was reported: it finishes and is reported too.
    expect(batches).toBe(3);
    expect(control.state).toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('returns as stopped, freeing every tensor, when the run is abandoned (its backend died)', async () => {
    const model = buildModel(TINY_SPEC, { seed: 8 });
    const before = tf.memory().numTensors;
    const control = new TrainingControl();
    let epochs = 0;
    // Abandoned after the last batch of the first epoch: its held-out evaluation must not wait.
    const result = await trainModel(
      model,
      data,
      { epochs: 3, batchSize: 16 },
      {
        onBatch: (m) => {
          if (m.batch === m.batchesPerEpoch) control.abandon('The WebGL context was lost.');
        },
        onEpoch: () => void epochs++,
      },
      control,
    );
    expect(result).toMatchObject({ status: 'stopped', epochsCompleted: 0, lastSnapshot: null });
    expect(epochs).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('pauses and resumes', async () => {
    const model = buildModel(TINY_SPEC, { seed: 7 });
    const control = new TrainingControl();
    const states: string[] = [];
    control.subscribe((s) => states.push(s));
    let batches = 0;
    let pausedAt = 0;
    const run = trainModel(
      model,
      data,
      { epochs: 1, batchSize: 8 },
      {
        onBatch: () => {
          if (++batches === 1) {
            control.pause();
            setTimeout(() => {
              pausedAt = batches;
              control.resume();
            }, 50);
          }
        },
      },
      control,
    );
    const result = await run;
    // The step queued before the pause is reported before the run waits.
    expect(pausedAt).toBe(2);
    expect(batches).toBe(4);
    expect(result.status).toBe('completed');
    expect(states).toEqual(['paused', 'running']);
    model.dispose();
  });

  it('has freed the step and the replay’s weight copies by the time a paused run reports its last batch', async () => {
    const model = buildModel(TINY_SPEC, { seed: 8 });
    const control = new TrainingControl();
    const weightCount = model.weights.length;
    // Tensors alive while the paused run reports, per batch: the app counts them then.
    const whilePaused = new Map<number, number>();
    const copies: number[] = [];
    const result = await trainModel(
      model,
      data,
      // 8 batches: the replay copies the weights after batches 1, 2 and 4.
      { epochs: 1, batchSize: 4, augment: null, optimizer: 'adam', seed: 8 },
      {
        onBatch: (m) => {
          if (control.state === 'running') {
            control.pause();
            return;
          }
          whilePaused.set(m.batch, tf.memory().numTensors);
          setTimeout(() => control.resume(), 0);
        },
        onFirstEpochWeights: (point, snapshot) => {
          copies.push(point.batch);
          expect(snapshot.weights).toHaveLength(weightCount);
        },
      },
      control,
    );
    expect(result.status).toBe('completed');
    expect(copies).toEqual([1, 2, 4]);
    // Paused at batches 2, 4 (both copied) and 6, 8 (not): the same tensors each time.
    expect([...whilePaused.keys()]).toEqual([2, 4, 6, 8]);
    const counts = [...whilePaused.values()];
    expect(new Set(counts).size, `tensors while paused at batches 2, 4, 6, 8: ${counts.join(', ')}`).toBe(1);
    model.dispose();
  });

  it('refuses nonsense settings', async () => {
    const model = buildModel(TINY_SPEC);
    await expect(trainModel(model, data, { batchSize: 0 })).rejects.toThrow(/Batch size/);
    await expect(trainModel(model, data, { learningRate: -1 })).rejects.toThrow(/learning rate/);
    model.dispose();
  });
});

describe('weights and evaluation', () => {
  it('restores a snapshot exactly, and refuses one of another architecture', async () => {
    const model = buildModel(TINY_SPEC, { seed: 8 });
    const images = Float32Array.from(data.train.pixels.subarray(0, 3 * 784), (v) => v / 255);
    const snapshot = await snapshotWeights(model);
    const before = await predictBatch(model, images);
    await trainModel(model, data, { epochs: 1, batchSize: 32, learningRate: 0.05 });
    expect(Array.from(await predictBatch(model, images))).not.toEqual(Array.from(before));
    const tensors = tf.memory().numTensors;
    restoreWeights(model, snapshot);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(Array.from(await predictBatch(model, images))).toEqual(Array.from(before));
    const other = buildModel({ ...TINY_SPEC, dense: [] });
    expect(() => restoreWeights(other, snapshot)).toThrow(/weights/);
    model.dispose();
    other.dispose();
  });

  it('averages snapshots weight by weight', async () => {
    const [a, b] = [1, 2].map((seed) => buildModel(TINY_SPEC, { seed }));
    const [sa, sb] = await Promise.all([snapshotWeights(a), snapshotWeights(b)]);
    const mean = averageSnapshots([sa, sb]);
    expect(mean.weights.map((w) => w.shape)).toEqual(sa.weights.map((w) => w.shape));
    mean.weights.forEach((w, i) => w.values.forEach((v, k) => expect(v).toBeCloseTo((sa.weights[i].values[k] + sb.weights[i].values[k]) / 2, 6)));
    expect(averageSnapshots([sa]).weights[0].values).toEqual(sa.weights[0].values);
    const c = buildModel({ ...TINY_SPEC, dense: [] });
    const other = await snapshotWeights(c);
    expect(() => averageSnapshots([sa, other])).toThrow(/differ/);
    expect(() => averageSnapshots([])).toThrow(/Nothing/);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('evaluates accuracy as the fraction of argmax hits', async () => {
    const model = buildModel(TINY_SPEC, { seed: 9 });
    const { loss, accuracy } = await evaluateModel(model, data.heldOut, 7);
    const images = Float32Array.from(data.heldOut.pixels.subarray(0, 20 * 784), (v) => v / 255);
    const probs = await predictBatch(model, images);
    let hits = 0;
    for (let i = 0; i < 20; i++) {
      const row = Array.from(probs.subarray(i * 10, i * 10 + 10));
      if (row.indexOf(Math.max(...row)) === data.heldOut.labels[i]) hits++;
    }
    expect(accuracy).toBeCloseTo(hits / 20, 6);
    expect(loss).toBeGreaterThan(0);
    model.dispose();
  });
});
