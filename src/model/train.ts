import * as tf from '@tensorflow/tfjs';
import { MNIST_PIXELS } from '../core/grid';
import { augmentDigit, DEFAULT_AUGMENT, type AugmentOptions } from './augment';
import { kernelGradientSizes, kernelWeights, type LayerGradientSize } from './gradients';
import { unguarded, type Guard } from './guard';
import { createRandom, shuffleInPlace, type Random } from './random';
import { INPUT_SIDE, NUM_CLASSES } from './spec';
import type { LabelledDigits, TrainingData } from './trainingData';
import { TrainingAbandoned, TrainingControl } from './trainingControl';
import { snapshotWeights, type WeightSnapshot } from './weights';

/** The optimisers a student can pick. 'sgd' is plain gradient descent (no momentum). */
export type OptimizerName = 'adam' | 'sgd' | 'rmsprop';
/** 'cosine' lowers the learning rate smoothly, batch by batch, to `finalLearningRateFactor` of it. */
export type LearningRateSchedule = 'constant' | 'cosine';

/** Settings of a training run. */
export interface TrainOptions {
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly schedule: LearningRateSchedule;
  /** With the cosine schedule, the last learning rate as a fraction of the first. */
  readonly finalLearningRateFactor: number;
  readonly batchSize: number;
  readonly epochs: number;
  /** How many training digits to use (a seeded random subset; at most all of them). */
  readonly trainExamples: number;
  /** Random distortions of the training digits, or null for none. */
  readonly augment: AugmentOptions | null;
  /** Seeds the subset, the shuffling, the augmentation and the dropout masks. */
  readonly seed: number;
  /** Give the event loop a turn at least this often (ms), so the page stays responsive. */
  readonly yieldEveryMs: number;
  /** Digits per forward pass of the held-out evaluation. */
  readonly evalBatchSize: number;
  /**
   * Measure each layer's kernel gradient size every this many batches (0: never). It reuses
   * the gradients of the training step, so it costs one small extra reduction.
   */
  readonly gradientEvery: number;
  /**
   * Names of layers whose weights this run leaves unchanged (e.g. `['conv1']`): they are
   * marked not trainable while the run lasts, so the optimiser never sees them.
   */
  readonly frozenLayers: readonly string[];
}

/**
 * The defaults of a run. `npm run train` uses them for its distorted phase (18 epochs),
 * then trains 4 more epochs on undistorted digits at a constant tenth of the learning rate
 * and ships the mean of those epochs' end weights (see scripts/train.ts).
 */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = Object.freeze({
  optimizer: 'adam',
  learningRate: 0.002,
  schedule: 'cosine',
  finalLearningRateFactor: 0.02,
  batchSize: 64,
  epochs: 18,
  trainExamples: Number.POSITIVE_INFINITY,
  augment: DEFAULT_AUGMENT,
  seed: 1,
  yieldEveryMs: 125,
  evalBatchSize: 500,
  gradientEvery: 0,
  frozenLayers: [],
});

/** Reported after every batch. `epoch` and `batch` are 1-based. */
export interface BatchMetrics {
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  /** Mean cross-entropy of this batch (with dropout and augmentation active). */
  readonly loss: number;
  /** Fraction of this batch classified right, 0..1. */
  readonly accuracy: number;
  readonly learningRate: number;
  /** Training examples processed so far in the run, and in the whole run. */
  readonly examplesSeen: number;
  readonly examplesTotal: number;
  /** Recent throughput (pauses excluded). */
  readonly examplesPerSecond: number;
  /** Estimated time to the end of the run (evaluations excluded). */
  readonly secondsLeft: number;
  /** Each layer's kernel gradient size on this batch, on measured batches (see gradientEvery). */
  readonly gradients?: readonly LayerGradientSize[];
}

/** Reported after every epoch's held-out evaluation. `epoch` is 1-based. */
export interface EpochMetrics {
  readonly epoch: number;
  /** Means over the epoch's batches. */
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  /** On the held-out digits, without augmentation or dropout. */
  readonly heldOutLoss: number;
  readonly heldOutAccuracy: number;
  /** Wall-clock seconds since the run started (pauses included). */
  readonly elapsedSeconds: number;
}

export interface TrainCallbacks {
  onBatch?(metrics: BatchMetrics): void | Promise<void>;
  /** `snapshot` holds CPU copies of the weights at the end of this epoch. */
  onEpoch?(metrics: EpochMetrics, snapshot: WeightSnapshot): void | Promise<void>;
}

export interface TrainResult {
  /** 'stopped' when the control stopped the run before its last epoch ended. */
  readonly status: 'completed' | 'stopped';
  readonly epochsCompleted: number;
  readonly history: readonly EpochMetrics[];
  /** CPU copies of the weights after the last completed epoch (null if none completed). */
  readonly lastSnapshot: WeightSnapshot | null;
}

function createOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  if (name === 'sgd') return tf.train.sgd(learningRate);
  if (name === 'rmsprop') return tf.train.rmsprop(learningRate);
  return tf.train.adam(learningRate);
}

/**
 * tfjs has a setter only on SGD; Adam and RMSProp read their public-at-runtime
 * `learningRate` field at every step, so setting it changes the next step. (The name is
 * passed because tfjs optimisers override `instanceof`: any optimiser "is" an SGDOptimizer.)
 */
function setLearningRate(optimizer: tf.Optimizer, name: OptimizerName, learningRate: number): void {
  if (name === 'sgd') (optimizer as tf.SGDOptimizer).setLearningRate(learningRate);
  else (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
}

function learningRateAt(options: TrainOptions, progress: number): number {
  if (options.schedule === 'constant') return options.learningRate;
  const floor = options.learningRate * options.finalLearningRateFactor;
  return floor + 0.5 * (options.learningRate - floor) * (1 + Math.cos(Math.PI * progress));
}

/** The model's `logits` output as a model sharing its layers (trained on for a stable loss). */
function logitsModelOf(model: tf.LayersModel): tf.LayersModel {
  const logits = model.layers.find((layer) => layer.name === 'logits');
  if (!logits) throw new Error('ConvLens trains models that have a `logits` layer (see buildModel).');
  return tf.model({ inputs: model.inputs, outputs: logits.output as tf.SymbolicTensor });
}

/** What ConvLens touches of a tfjs Dropout layer: the seed it reads at every call. */
interface SeededDropout {
  seed?: number;
}

/** The model's dropout layers. */
function dropoutLayersOf(model: tf.LayersModel): SeededDropout[] {
  return model.layers.filter((layer) => layer.getClassName() === 'Dropout') as unknown as SeededDropout[];
}

/**
 * Runs `work` (one training step) with every dropout layer seeded from `rng`. tfjs does
 * honour a Dropout layer's `seed`, but it starts a new generator from it at every call, so a
 * fixed seed draws the same mask at every step; without one it draws from Math.random. So
 * each step gives each layer a fresh seed from the run's own generator, for that step only
 * (the layers' own settings are put back at once, so a saved model carries none of them).
 */
function withSeededDropout<T>(layers: readonly SeededDropout[], rng: Random, work: () => T): T {
  const before = layers.map((layer) => layer.seed);
  // tfjs treats 0 as "no seed", so the seeds are 1..2^31-1.
  layers.forEach((layer) => {
    layer.seed = 1 + Math.floor(rng() * 0x7ffffffe);
  });
  try {
    return work();
  } finally {
    layers.forEach((layer, i) => {
      layer.seed = before[i];
    });
  }
}

/** Fills float images [0, 1] for the given digits, distorted when `augment` is set. */
function assembleImages(digits: LabelledDigits, order: ArrayLike<number>, from: number, to: number, augment: AugmentOptions | null, rng: Random): Float32Array {
  const images = new Float32Array((to - from) * MNIST_PIXELS);
  const grey = new Float32Array(MNIST_PIXELS);
  for (let k = from; k < to; k++) {
    const source = digits.pixels.subarray(order[k] * MNIST_PIXELS, (order[k] + 1) * MNIST_PIXELS);
    const target = images.subarray((k - from) * MNIST_PIXELS, (k - from + 1) * MNIST_PIXELS);
    if (augment) {
      for (let i = 0; i < MNIST_PIXELS; i++) grey[i] = source[i] / 255;
      augmentDigit(grey, rng, augment, target);
    } else {
      for (let i = 0; i < MNIST_PIXELS; i++) target[i] = source[i] / 255;
    }
  }
  return images;
}

function labelsOf(digits: LabelledDigits, order: ArrayLike<number>, from: number, to: number): Int32Array {
  const labels = new Int32Array(to - from);
  for (let k = from; k < to; k++) labels[k - from] = digits.labels[order[k]];
  return labels;
}

function batchTensors(images: Float32Array, labels: Int32Array): { xs: tf.Tensor4D; ys: tf.Tensor2D; labelTensor: tf.Tensor1D } {
  const labelTensor = tf.tensor1d(labels, 'int32');
  return {
    xs: tf.tensor4d(images, [labels.length, INPUT_SIDE, INPUT_SIDE, 1]),
    ys: tf.oneHot(labelTensor, NUM_CLASSES).toFloat() as tf.Tensor2D,
    labelTensor,
  };
}

type StepResult = { loss: number; accuracy: number; gradients?: LayerGradientSize[] };

/** A training step whose work is queued on the backend; its numbers are read later. */
interface DispatchedStep {
  /** Loss, accuracy and (when measured) the gradient sizes, still on the backend. */
  readonly outputs: tf.Tensor[];
  readonly measure: readonly { index: number; layer: string }[] | null;
}

/**
 * Queues one optimiser step on one batch and returns at once, without reading anything
 * back: the caller reads it with {@link readStep} after queuing the next step, so the
 * backend is never idle while JavaScript waits for a read.
 */
function dispatchStep(
  logitsModel: tf.LayersModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  images: Float32Array,
  labels: Int32Array,
  measure: readonly { index: number; layer: string }[] | null,
): DispatchedStep {
  const outputs = tf.tidy(() => {
    const { xs, ys, labelTensor } = batchTensors(images, labels);
    const kept: { accuracy?: tf.Scalar } = {};
    // What optimizer.minimize does, with the gradients kept in reach for measuring.
    const { value, grads } = optimizer.computeGradients(() => {
      const logits = logitsModel.apply(xs, { training: true }) as tf.Tensor2D;
      kept.accuracy = tf.keep(tf.mean(tf.equal(tf.argMax(logits, 1), labelTensor).toFloat()) as tf.Scalar);
      return tf.losses.softmaxCrossEntropy(ys, logits) as tf.Scalar;
    }, variables);
    optimizer.applyGradients(grads);
    const result: tf.Tensor[] = [value, kept.accuracy as tf.Scalar];
    if (measure) result.push(kernelGradientSizes(grads, variables, measure));
    return result;
  });
  return { outputs, measure };
}

/** Reads a dispatched step's loss, accuracy and gradient sizes, and frees its tensors. */
async function readStep({ outputs, measure }: DispatchedStep, guard: Guard): Promise<StepResult> {
  try {
    const [lossValue, accuracyValue, sizes] = await guard(Promise.all(outputs.map((t) => t.data())));
    const step = { loss: lossValue[0], accuracy: accuracyValue[0] };
    return measure && sizes ? { ...step, gradients: measure.map((k, i) => ({ layer: k.layer, meanAbs: sizes[i] })) } : step;
  } finally {
    tf.dispose(outputs);
  }
}

/**
 * Mean cross-entropy and accuracy of a model on labelled digits (no augmentation, dropout
 * off). Works with any ConvLens model (it reads the `logits` layer). No lasting tensors.
 */
export async function evaluateModel(model: tf.LayersModel, digits: LabelledDigits, batchSize = 500): Promise<{ loss: number; accuracy: number }> {
  return evaluateLogits(logitsModelOf(model), digits, batchSize);
}

async function evaluateLogits(logitsModel: tf.LayersModel, digits: LabelledDigits, batchSize: number, guard: Guard = unguarded): Promise<{ loss: number; accuracy: number }> {
  const order = Array.from({ length: digits.count }, (_, i) => i);
  let lossSum = 0;
  let correct = 0;
  for (let from = 0; from < digits.count; from += batchSize) {
    const to = Math.min(digits.count, from + batchSize);
    const images = assembleImages(digits, order, from, to, null, Math.random);
    const labels = labelsOf(digits, order, from, to);
    const sums = tf.tidy(() => {
      const { xs, ys, labelTensor } = batchTensors(images, labels);
      const logits = logitsModel.predict(xs) as tf.Tensor2D;
      const loss = tf.losses.softmaxCrossEntropy(ys, logits, undefined, undefined, tf.Reduction.SUM);
      const hits = tf.sum(tf.equal(tf.argMax(logits, 1), labelTensor).toFloat());
      return tf.stack([loss, hits]);
    });
    try {
      const [loss, hits] = await guard(sums.data());
      lossSum += loss;
      correct += hits;
    } finally {
      sums.dispose();
    }
  }
  return { loss: lossSum / digits.count, accuracy: correct / digits.count };
}

/**
 * Marks the named layers not trainable (their weights drop out of `model.trainableWeights`)
 * and returns the function that gives every layer its previous setting back.
 * @throws Error when a name is not a layer of the model
 */
function freezeLayers(model: tf.LayersModel, names: readonly string[]): () => void {
  const layers = names.map((name) => model.getLayer(name));
  const before = layers.map((layer) => layer.trainable);
  layers.forEach((layer) => {
    layer.trainable = false;
  });
  return () => layers.forEach((layer, i) => {
    layer.trainable = before[i];
  });
}

/** A macrotask turn (not throttled like timers, not paused like animation frames in hidden tabs). */
function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function resolveOptions(partial: Partial<TrainOptions>, trainCount: number): TrainOptions & { examples: number } {
  const options = { ...DEFAULT_TRAIN_OPTIONS, ...partial };
  const integer = (v: number, lo: number) => Number.isInteger(v) && v >= lo;
  if (!integer(options.batchSize, 1)) throw new RangeError(`Batch size must be a whole number >= 1 (got ${options.batchSize}).`);
  if (!integer(options.epochs, 1)) throw new RangeError(`Epochs must be a whole number >= 1 (got ${options.epochs}).`);
  if (!(options.learningRate > 0)) throw new RangeError(`The learning rate must be positive (got ${options.learningRate}).`);
  const examples = Math.min(trainCount, Math.floor(options.trainExamples));
  if (!(examples >= 1)) throw new RangeError('Training needs at least one example.');
  return { ...options, examples };
}

/** Where a run's dropout generator starts, from its seed (any fixed odd number would do). */
const DROPOUT_SEED_OFFSET = 0x5eed_d0d;

/** Everything one run needs between batches. */
interface Run {
  readonly settings: TrainOptions & { examples: number };
  readonly data: TrainingData;
  readonly rng: Random;
  /** Seeds the dropout masks, apart from `rng` so they leave its sequence as it was. */
  readonly dropoutRng: Random;
  readonly dropoutLayers: readonly SeededDropout[];
  readonly logitsModel: tf.LayersModel;
  readonly optimizer: tf.Optimizer;
  readonly variables: tf.Variable[];
  readonly callbacks: TrainCallbacks;
  readonly control: TrainingControl;
  readonly guard: Guard;
  readonly batchesPerEpoch: number;
  readonly examplesTotal: number;
  /** The kernels whose gradient sizes are measured. */
  readonly kernels: readonly { index: number; layer: string }[];
  batchesDone: number;
  examplesSeen: number;
  examplesPerSecond: number;
  lastYield: number;
}

/** A dispatched step with what its report needs. */
interface PendingStep {
  readonly step: DispatchedStep;
  readonly epoch: number;
  readonly batch: number;
  readonly examples: number;
  readonly learningRate: number;
}

/**
 * One pass over the (shuffled) training subset; null when the control stopped it. Each
 * step is queued before the previous one is read back and reported, so the backend always
 * has work; a paused or stopped run reports its last step first.
 */
async function runEpoch(run: Run, epoch: number, order: Int32Array): Promise<{ loss: number; accuracy: number } | null> {
  const { settings, data, batchesPerEpoch, examplesTotal } = run;
  let lossSum = 0;
  let accuracySum = 0;
  let pending: PendingStep | null = null;
  let lastReport = performance.now();
  const report = async (p: PendingStep) => {
    const step = await readStep(p.step, run.guard);
    run.batchesDone += 1;
    run.examplesSeen += p.examples;
    lossSum += step.loss;
    accuracySum += step.accuracy;
    const now = performance.now();
    const batchRate = p.examples / Math.max(1e-3, (now - lastReport) / 1000);
    lastReport = now;
    run.examplesPerSecond = run.examplesPerSecond === 0 ? batchRate : 0.9 * run.examplesPerSecond + 0.1 * batchRate;
    await run.callbacks.onBatch?.({
      epoch: p.epoch, batch: p.batch, batchesPerEpoch, ...step, learningRate: p.learningRate, examplesSeen: run.examplesSeen, examplesTotal,
      examplesPerSecond: run.examplesPerSecond, secondsLeft: (examplesTotal - run.examplesSeen) / run.examplesPerSecond,
    });
    if (performance.now() - run.lastYield >= settings.yieldEveryMs) {
      await yieldToEventLoop();
      run.lastYield = performance.now();
    }
  };
  try {
    for (let batch = 1; batch <= batchesPerEpoch; batch++) {
      if (pending && run.control.state !== 'running') {
        await report(pending);
        pending = null;
      }
      if (!(await run.control.proceed())) return null;
      const from = (batch - 1) * settings.batchSize;
      const to = Math.min(settings.examples, from + settings.batchSize);
      const learningRate = learningRateAt(settings, (run.examplesSeen + (pending?.examples ?? 0) + (to - from) / 2) / examplesTotal);
      setLearningRate(run.optimizer, settings.optimizer, learningRate);
      const images = assembleImages(data.train, order, from, to, settings.augment, run.rng);
      const measure = settings.gradientEvery > 0 && (run.batchesDone + (pending ? 1 : 0)) % settings.gradientEvery === 0 ? run.kernels : null;
      const labels = labelsOf(data.train, order, from, to);
      const step: DispatchedStep = withSeededDropout(run.dropoutLayers, run.dropoutRng, () => dispatchStep(run.logitsModel, run.optimizer, run.variables, images, labels, measure));
      const previous = pending;
      pending = { step, epoch, batch, examples: to - from, learningRate };
      if (previous) await report(previous);
    }
    if (pending) {
      const last = pending;
      pending = null;
      await report(last);
    }
  } finally {
    // A run abandoned with a step still queued: free its tensors without reading them.
    if (pending) tf.dispose(pending.step.outputs);
  }
  return { loss: lossSum / batchesPerEpoch, accuracy: accuracySum / batchesPerEpoch };
}

/**
 * Trains a ConvLens model (from `buildModel` or a loaded one: it needs the `logits` layer)
 * in place with mini-batch gradient descent on softmax cross-entropy, the same loop in the
 * app and in `npm run train`. Each epoch shuffles the (seeded) training subset, distorts
 * every digit when `augment` is set, reports every batch, then evaluates on the held-out
 * digits and reports that with a CPU copy of the weights. `control` pauses, resumes and
 * stops the run between batches; `control.abandon` (the backend died) also ends the waits
 * for the backend at once, and the run returns as stopped. Every tensor the run creates
 * (batches, gradients, optimiser state) is disposed when it ends, whether it completes,
 * stops, is abandoned or throws.
 */
export async function trainModel(
  model: tf.LayersModel,
  data: TrainingData,
  options: Partial<TrainOptions> = {},
  callbacks: TrainCallbacks = {},
  control: TrainingControl = new TrainingControl(),
): Promise<TrainResult> {
  const settings = resolveOptions(options, data.train.count);
  const logitsModel = logitsModelOf(model);
  const thaw = freezeLayers(model, settings.frozenLayers);
  const rng = createRandom(settings.seed);
  const subset = shuffleInPlace(Int32Array.from({ length: data.train.count }, (_, i) => i), rng).slice(0, settings.examples);
  const run: Run = {
    settings, data, rng, callbacks, control,
    dropoutRng: createRandom(settings.seed + DROPOUT_SEED_OFFSET),
    dropoutLayers: dropoutLayersOf(model),
    guard: (work) => control.guard(work),
    logitsModel,
    optimizer: createOptimizer(settings.optimizer, settings.learningRate),
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    batchesPerEpoch: Math.ceil(settings.examples / settings.batchSize),
    examplesTotal: settings.examples * settings.epochs,
    kernels: kernelWeights(model),
    batchesDone: 0,
    examplesSeen: 0,
    examplesPerSecond: 0,
    lastYield: performance.now(),
  };
  const history: EpochMetrics[] = [];
  let lastSnapshot: WeightSnapshot | null = null;
  const started = performance.now();
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const train = await runEpoch(run, epoch, shuffleInPlace(subset.slice(), rng));
      if (!train) return { status: 'stopped', epochsCompleted: epoch - 1, history, lastSnapshot };
      const heldOut = await evaluateLogits(run.logitsModel, data.heldOut, settings.evalBatchSize, run.guard);
      lastSnapshot = await run.guard(snapshotWeights(model));
      const metrics: EpochMetrics = {
        epoch,
        trainLoss: train.loss,
        trainAccuracy: train.accuracy,
        heldOutLoss: heldOut.loss,
        heldOutAccuracy: heldOut.accuracy,
        elapsedSeconds: (performance.now() - started) / 1000,
      };
      history.push(metrics);
      await callbacks.onEpoch?.(metrics, lastSnapshot);
    }
    return { status: 'completed', epochsCompleted: settings.epochs, history, lastSnapshot };
  } catch (error) {
    if (error instanceof TrainingAbandoned) return { status: 'stopped', epochsCompleted: history.length, history, lastSnapshot };
    throw error;
  } finally {
    run.optimizer.dispose();
    thaw();
  }
}
