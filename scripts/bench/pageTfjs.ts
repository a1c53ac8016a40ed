/**
 * Bench-page measurements with tfjs, in the same page (and the same tfjs instance and WebGL
 * context) as the mounted app: a bare `model.predict`, the app's every-layer pass, a bare
 * `model.fit`, ConvLens's training loop without its UI, and the time to a held-out accuracy.
 */
import * as tf from '@tensorflow/tfjs';
import { MNIST_PIXELS } from '../../src/core/grid';
import { decodeMnist } from '../../src/data/mnistFormat';
import { computeLayerOutputs } from '../../src/model/activations';
import { fetchPlainNetwork } from '../../src/model/plainModelFiles';
import { buildModel } from '../../src/model/build';
import { createRandom, shuffleInPlace } from '../../src/model/random';
import { DEFAULT_SPEC, NUM_CLASSES } from '../../src/model/spec';
import { evaluateModel } from '../../src/model/evaluate';
import { trainModel } from '../../src/model/train';
import type { TrainOptions } from '../../src/model/trainOptions';
import { TrainingControl } from '../../src/model/trainingControl';
import { trainingDataFromMnist, type LabelledDigits, type TrainingData } from '../../src/model/trainingData';
import { DEFAULT_RUN } from '../../src/state/runSettings';
import type { LearningConfig, LearningResult, PredictTimes, Throughput, ThroughputConfig } from './protocol';

const MODEL_URL = 'models/default/model.json';
let dataPromise: Promise<TrainingData> | null = null;

/** The fixed training / held-out split, fetched from the page's own origin once. */
export function benchData(): Promise<TrainingData> {
  dataPromise ??= fetch('data/mnist.bin')
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`data/mnist.bin: HTTP ${r.status}`))))
    .then((buffer) => trainingDataFromMnist(decodeMnist(new Uint8Array(buffer))));
  return dataPromise;
}

/** Digit `i` of `digits` as 784 floats in [0, 1]. */
export function digitFloats(digits: LabelledDigits, i: number): Float32Array {
  return Float32Array.from(digits.pixels.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), (v) => v / 255);
}

/** A seeded random subset of `count` training digits (the split is ordered by class). */
export function trainingSubset(digits: LabelledDigits, count: number, seed: number): { images: Float32Array; labels: Int32Array } {
  const order = shuffleInPlace(
    Int32Array.from({ length: digits.count }, (_, i) => i),
    createRandom(seed),
  ).slice(0, count);
  const images = new Float32Array(count * MNIST_PIXELS);
  const labels = new Int32Array(count);
  order.forEach((g, k) => {
    images.set(digitFloats(digits, g), k * MNIST_PIXELS);
    labels[k] = digits.labels[g];
  });
  return { images, labels };
}

/** The TrainOptions the app's Train button uses for DEFAULT_RUN (mirrors TrainingPanel's start()). */
export function appRunOptions(overrides: Partial<TrainOptions>): Partial<TrainOptions> {
  return {
    optimizer: DEFAULT_RUN.optimizer,
    learningRate: DEFAULT_RUN.learningRate,
    schedule: 'constant',
    batchSize: DEFAULT_RUN.batchSize,
    epochs: DEFAULT_RUN.epochs,
    trainExamples: DEFAULT_RUN.trainExamples,
    augment: null,
    seed: 1,
    yieldEveryMs: 50,
    ...overrides,
  };
}

/**
 * Times `iterations` single-image passes of the shipped model, alternating a bare
 * `predict` + `data()`, `computeLayerOutputs` (every layer read back from tfjs) and the
 * plain-JavaScript pass the app uses for one image (`PlainNetwork.run`, every layer).
 */
export async function timePredict(iterations: number, warmup: number): Promise<PredictTimes> {
  const model = await tf.loadLayersModel(MODEL_URL);
  const data = await benchData();
  const bare: number[] = [];
  const everyLayer: number[] = [];
  const plainPass: number[] = [];
  const plain = await fetchPlainNetwork(MODEL_URL);
  for (let i = 0; i < warmup + iterations; i++) {
    const image = digitFloats(data.heldOut, i % data.heldOut.count);
    let start = performance.now();
    const x = tf.tensor4d(image, [1, 28, 28, 1]);
    const y = model.predict(x) as tf.Tensor;
    await y.data();
    tf.dispose([x, y]);
    if (i >= warmup) bare.push(performance.now() - start);
    start = performance.now();
    await computeLayerOutputs(model, image);
    if (i >= warmup) everyLayer.push(performance.now() - start);
    start = performance.now();
    plain.run(image);
    if (i >= warmup) plainPass.push(performance.now() - start);
  }
  const conv = model.layers
    .filter((l) => l.getClassName() === 'Conv2D')
    .map((l) => (l.getConfig() as { filters: number }).filters)
    .join('-');
  const parameters = model.countParams();
  model.dispose();
  return { barePredict: bare, everyLayer, plainPass, backend: tf.getBackend(), tfjsVersion: tf.version.tfjs, model: { conv, parameters } };
}

/** Examples that make a warm-up compile every shader of a timed run: one full and one last (partial) batch. */
function warmupCount(config: ThroughputConfig): number {
  return config.batchSize + (config.examples % config.batchSize || config.batchSize);
}

/** One epoch of a bare `model.fit` (Adam, categorical cross-entropy, the same model and batch size), after a warm-up. */
export async function fitThroughput(config: ThroughputConfig): Promise<Throughput> {
  const data = await benchData();
  const { images, labels } = trainingSubset(data.train, config.examples, 7);
  const model = buildModel(DEFAULT_SPEC, { seed: 1 });
  model.compile({ optimizer: tf.train.adam(config.learningRate), loss: 'categoricalCrossentropy' });
  const xs = tf.tensor4d(images, [config.examples, 28, 28, 1]);
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES).toFloat());
  try {
    const warm = warmupCount(config);
    const [wx, wy] = [xs.slice(0, warm), ys.slice(0, warm)];
    await model.fit(wx, wy, { batchSize: config.batchSize, epochs: 1, shuffle: false, verbose: 0 });
    tf.dispose([wx, wy]);
    const start = performance.now();
    await model.fit(xs, ys, { batchSize: config.batchSize, epochs: 1, shuffle: true, verbose: 0 });
    const seconds = (performance.now() - start) / 1000;
    return { examples: config.examples, seconds, examplesPerSecond: config.examples / seconds };
  } finally {
    tf.dispose([xs, ys]);
    model.optimizer.dispose();
    model.dispose();
  }
}

/**
 * ConvLens's own training loop (`trainModel` with the app's default run settings) without
 * any UI: one warm-up run, then one timed epoch, from its start to its last batch (the
 * held-out evaluation after the epoch is not timed, as in `fitThroughput`).
 */
export async function loopThroughput(config: ThroughputConfig): Promise<Throughput> {
  const data = await benchData();
  const options = appRunOptions({ batchSize: config.batchSize, learningRate: config.learningRate, epochs: 1 });
  const warm = buildModel(DEFAULT_SPEC, { seed: 1 });
  await trainModel(warm, data, { ...options, trainExamples: warmupCount(config) });
  warm.dispose();
  const model = buildModel(DEFAULT_SPEC, { seed: 1 });
  let last = 0;
  const start = performance.now();
  await trainModel(model, data, { ...options, trainExamples: config.examples }, { onBatch: () => void (last = performance.now()) });
  model.dispose();
  const seconds = (last - start) / 1000;
  return { examples: config.examples, seconds, examplesPerSecond: config.examples / seconds };
}

/**
 * Trains the default spec from scratch with the app's default run settings on every
 * training digit, evaluating on the 1,000 held-out digits every `evalEveryBatches`
 * batches (that time is not counted), until `target` or `capSeconds`.
 */
export async function learningSpeed(config: LearningConfig): Promise<LearningResult> {
  // Repeatable: buildModel and trainModel draw the weights, subset, shuffling and dropout
  // masks from config.seed.
  const data = await benchData();
  const options = appRunOptions({ trainExamples: data.train.count, epochs: 1000, seed: config.seed });
  const model = buildModel(DEFAULT_SPEC, { seed: config.seed });
  const control = new TrainingControl();
  const curve: [number, number, number][] = [];
  const started = performance.now();
  let evaluating = 0;
  let result: { reached: boolean; trainSeconds: number; wallSeconds: number; examplesSeen: number } | null = null;
  await trainModel(
    model,
    data,
    options,
    {
      onBatch: async (m) => {
        const trainSeconds = (performance.now() - started - evaluating) / 1000;
        if (m.batch % config.evalEveryBatches !== 0 && m.batch !== m.batchesPerEpoch && trainSeconds < config.capSeconds) return;
        const evalStart = performance.now();
        const { accuracy } = await evaluateModel(model, data.heldOut);
        evaluating += performance.now() - evalStart;
        curve.push([trainSeconds, m.examplesSeen, accuracy]);
        const done = accuracy >= config.target || trainSeconds >= config.capSeconds;
        if (done && !result) {
          result = { reached: accuracy >= config.target, trainSeconds, wallSeconds: (evalStart - started) / 1000, examplesSeen: m.examplesSeen };
          control.stop();
        }
      },
    },
    control,
  );
  model.dispose();
  const final = result ?? { reached: false, trainSeconds: NaN, wallSeconds: NaN, examplesSeen: 0 };
  return { ...final, bestAccuracy: Math.max(0, ...curve.map((c) => c[2])), curve, options: { ...options, spec: DEFAULT_SPEC } };
}
