import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MNIST_PIXELS } from '../core/grid';
import type { ReplayPoint } from '../core/replaySchedule';
import { addSnapshot, emptySnapshotStore, type SnapshotStore } from '../core/snapshotStore';
import { readMnist } from '../data/node';
import { buildModel } from './build';
import { PlainNetwork } from './plainForward';
import { replayFrame } from './replayFrame';
import { parameterCount, type ModelSpec } from './spec';
import { trainModel } from './train';
import { pickDigits, trainingDataFromMnist, type TrainingData } from './trainingData';
import { TrainingControl } from './trainingControl';
import { restoreWeights, snapshotWeights, type WeightSnapshot } from './weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const mnist = readMnist();
/** `count` real training digits (a few of each class) and 20 held-out ones. */
function tinyData(count: number): TrainingData {
  const full = trainingDataFromMnist(mnist);
  const pick = Int32Array.from({ length: count }, (_, i) => mnist.classStart[i % 10] + Math.floor(i / 10));
  return { train: pickDigits(mnist, pick), heldOut: { ...full.heldOut, count: 20, labels: full.heldOut.labels.subarray(0, 20) } };
}

const bytesOf = (s: WeightSnapshot) => s.weights.reduce((sum, w) => sum + w.values.byteLength, 0);

/** Trains `model` with train.ts's own loop, keeping every replay copy in a store bounded by `limit` bytes. */
async function trainKeeping(
  model: tf.LayersModel,
  data: TrainingData,
  options: Parameters<typeof trainModel>[2],
  limit: number,
  onStore?: (s: SnapshotStore<WeightSnapshot>) => void,
) {
  let store = emptySnapshotStore<WeightSnapshot>(limit);
  const keep = (point: ReplayPoint, snapshot: WeightSnapshot) => {
    store = addSnapshot(store, point, snapshot, bytesOf(snapshot));
    onStore?.(store);
  };
  const result = await trainModel(model, data, options, {
    onFirstEpochWeights: keep,
    onEpoch: (m, snapshot) => keep({ epoch: m.epoch, batch: 0, batchesPerEpoch: 0, examplesSeen: 0, endOfEpoch: true }, snapshot),
  });
  return { store, result };
}

/** The replay uses a digit of the held-out set. */
const image = Float32Array.from(tinyData(1).heldOut.pixels.subarray(0, MNIST_PIXELS), (v) => v / 255);

describe('training replay', () => {
  it('shows at each kept copy the prediction of the plain pass (and of tfjs) on that copy, and the first differs from the last', async () => {
    const spec: ModelSpec = {
      convBlocks: [{ filters: 4, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }],
      dense: [{ units: 16, activation: 'relu', dropout: 0.25 }],
    };
    const options = { epochs: 2, batchSize: 5, augment: null, learningRate: 0.01, optimizer: 'adam', schedule: 'constant', seed: 3 } as const;
    const model = buildModel(spec, { seed: 5 });
    const before = tf.memory().numTensors;
    const { store, result } = await trainKeeping(model, tinyData(80), options, 20e6);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.status).toBe('completed');
    expect(store.entries.map((e) => [e.point.epoch, e.point.batch, e.point.endOfEpoch])).toEqual([
      [1, 1, false],
      [1, 2, false],
      [1, 4, false],
      [1, 8, false],
      [1, 0, true],
      [2, 0, true],
    ]);
    expect(store.entries.map((e) => e.point.examplesSeen).slice(0, 4)).toEqual([5, 10, 20, 40]);
    const check = buildModel(spec, { seed: 9 });
    const shown = store.entries.map(({ snapshot }) => {
      const frame = replayFrame(spec, snapshot.weights, image);
      const plain = PlainNetwork.create(spec, snapshot.weights).run(image);
      expect(Array.from(frame.probabilities)).toEqual(Array.from(plain[plain.length - 1].data));
      restoreWeights(check, snapshot);
      const byTfjs = tf.tidy(() => (check.predict(tf.tensor4d(image, [1, 28, 28, 1])) as tf.Tensor).dataSync());
      frame.probabilities.forEach((p, d) => expect(p).toBeCloseTo(byTfjs[d], 5));
      // The kernels shown are conv1's, channel by channel.
      expect(frame.kernels).toHaveLength(4);
      expect(frame.kernels[2].data[4]).toBe(snapshot.weights[0].values[4 * 4 + 2]);
      expect(frame.maps).toHaveLength(4);
      expect(frame.mapsLayer).toBe('conv1_relu');
      return frame.probabilities;
    });
    check.dispose();
    // The copy after batch 2 is exactly the weights after two steps: a run stopped when batch 1
    // is reported (batch 2 is queued by then, and is the last step it trains) ends with them.
    const twoSteps = buildModel(spec, { seed: 5 });
    const control = new TrainingControl();
    await trainModel(twoSteps, tinyData(80), { ...options, epochs: 1 }, { onBatch: (m) => void (m.batch === 1 && control.stop()) }, control);
    const after = await snapshotWeights(twoSteps);
    after.weights.forEach((w, i) => expect(store.entries[1].snapshot.weights[i].values).toEqual(w.values));
    twoSteps.dispose();
    const change = Math.max(...shown[0].map((p, d) => Math.abs(p - shown[shown.length - 1][d])));
    expect(change).toBeGreaterThan(0.05);
    // Successive copies are different weights: each is taken right after its own step.
    expect(store.entries[0].snapshot.weights[0].values).not.toEqual(store.entries[1].snapshot.weights[0].values);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('stays within its bound over a 20-epoch run, keeping the epochs it says', async () => {
    const spec: ModelSpec = {
      convBlocks: [{ filters: 2, kernelSize: 3, stride: 2, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }],
      dense: [],
    };
    const snapshotBytes = parameterCount(spec) * 4;
    const limit = 6.5 * snapshotBytes;
    const model = buildModel(spec, { seed: 1 });
    const before = tf.memory().numTensors;
    let reports = 0;
    const { store, result } = await trainKeeping(
      model,
      tinyData(32),
      { epochs: 20, batchSize: 4, augment: null, learningRate: 0.01, schedule: 'constant', seed: 2 },
      limit,
      (s) => {
        reports++;
        expect(s.bytes).toBeLessThanOrEqual(limit);
        expect(s.bytes).toBe(s.entries.reduce((sum, e) => sum + e.bytes, 0));
        expect(s.tooLarge).toBeNull();
      },
    );
    expect(result.status).toBe('completed');
    // 8 batches an epoch: copies after batches 1, 2 and 4, and at the end of each of the 20 epochs.
    expect(reports).toBe(3 + 20);
    expect(store.entries.every((e) => e.bytes === snapshotBytes)).toBe(true);
    expect(store.entries.map((e) => e.point.epoch)).toEqual([4, 8, 12, 16, 20]);
    expect(store.epochStride).toBe(4);
    expect(store.dropped).toBe(23 - 5);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
