import * as tf from '@tensorflow/tfjs';
import { batchImages, batchLabels, type Distort } from '../core/batch';
import { isFirstEpochPoint } from '../core/replaySchedule';
import { learningRateAt } from '../core/learningRate';
import { augmentDigit } from './augment';
import { evaluateLogits, logitsModelOf } from './evaluate';
import { yieldToEventLoop } from './eventLoop';
import { kernelWeights } from './gradients';
import type { Guard } from './guard';
import { createOptimizer, setLearningRate } from './optimizer';
import { createRandom, shuffleInPlace, type Random } from './random';
import { dropoutLayersOf, withSeededDropout, type SeededDropout } from './seededDropout';
import type { EpochMetrics, TrainCallbacks, TrainResult } from './trainMetrics';
import type { TrainingData } from './trainingData';
import { TrainingAbandoned, TrainingControl } from './trainingControl';
import { resolveOptions, type RunOptions, type TrainOptions } from './trainOptions';
import { maskedLayerOf, rebuildStepMask, type MaskedLayer } from './stepMask';
import { dispatchStep, readStep, type DispatchedStep, type MeasuredKernels } from './trainStep';
import { snapshotWeights, type WeightSnapshot } from './weights';

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
  return () =>
    layers.forEach((layer, i) => {
      layer.trainable = before[i];
    });
}

/** Where a run's dropout generator starts, from its seed (any fixed odd number would do). */
const DROPOUT_SEED_OFFSET = 0x5eed_d0d;

/** Everything one run needs between batches. */
interface Run {
  readonly settings: RunOptions;
  readonly data: TrainingData;
  readonly rng: Random;
  /** Distorts a training digit (with `rng`), or null when the run trains on the digits as they are. */
  readonly distort: Distort | null;
  /** Seeds the dropout masks, apart from `rng` so they leave its sequence as it was. */
  readonly dropoutRng: Random;
  readonly dropoutLayers: readonly SeededDropout[];
  /** The dropout layer whose masks are reported (null when none drops anything). */
  readonly maskedLayer: MaskedLayer | null;
  readonly logitsModel: tf.LayersModel;
  /** Every weight of the model, in `model.weights` order (copied at the replay's points). */
  readonly weights: readonly tf.LayerVariable[];
  readonly optimizer: tf.Optimizer;
  readonly variables: tf.Variable[];
  readonly callbacks: TrainCallbacks;
  readonly control: TrainingControl;
  readonly guard: Guard;
  readonly batchesPerEpoch: number;
  readonly examplesTotal: number;
  /** The kernels whose gradient sizes are measured. */
  readonly kernels: MeasuredKernels;
  batchesDone: number;
  examplesSeen: number;
  examplesPerSecond: number;
  lastYield: number;
  /** When a mask was last reported. */
  lastMask: number;
}

/** A dispatched step with what its report needs. */
interface PendingStep {
  readonly step: DispatchedStep;
  readonly epoch: number;
  readonly batch: number;
  readonly examples: number;
  readonly learningRate: number;
  /** The seeds the step gave the dropout layers. */
  readonly dropoutSeeds: readonly number[];
  /** The weights right after this step, when the replay keeps them (see core/replaySchedule.ts). */
  readonly weightsAfter: tf.Tensor[] | null;
}

/**
 * The weights as they are once the step just dispatched has run: clones that share the
 * variables' data (no copy is made on the backend), taken before the next step is queued
 * and read back when the step is reported. Null when nobody listens or the point is not kept.
 */
function weightsAfterStep(run: Run, epoch: number, batch: number): tf.Tensor[] | null {
  if (!run.callbacks.onFirstEpochWeights || !isFirstEpochPoint(epoch, batch, run.batchesPerEpoch)) return null;
  return run.weights.map((w) => tf.clone(w.read()));
}

/**
 * Reads the clones of {@link weightsAfterStep} to the CPU and frees them (null when the step
 * kept none). Done before the step is reported, so that whoever counts tensors when a paused
 * run reports its last step (see runCallbacks' `settle`) finds none of them left.
 */
async function readWeightsAfter(run: Run, p: PendingStep): Promise<WeightSnapshot | null> {
  const clones = p.weightsAfter;
  if (!clones) return null;
  let values: Float32Array[];
  try {
    values = await run.guard(Promise.all(clones.map((c) => c.data<'float32'>())));
  } finally {
    tf.dispose(clones);
  }
  return { weights: run.weights.map((w, i) => ({ name: w.originalName, shape: clones[i].shape.slice(), values: Float32Array.from(values[i]) })) };
}

/**
 * Reports the dropout mask of the step just reported (its seeds given), at most every
 * `maskEveryMs`, when someone listens and the network drops anything.
 */
async function reportMask(run: Run, seeds: readonly number[]): Promise<void> {
  const layer = run.maskedLayer;
  const listener = run.callbacks.onDropoutMask;
  if (!layer || !listener || run.control.state === 'stopped') return;
  if (performance.now() - run.lastMask < run.settings.maskEveryMs) return;
  run.lastMask = performance.now();
  const mask = await rebuildStepMask(layer.units, layer.rate, seeds[layer.index], run.guard);
  listener({ step: run.batchesDone, layer: layer.name, units: layer.units, rate: layer.rate, ...mask });
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
    try {
      await reportStep(p);
    } finally {
      // Read and freed by then, unless the step failed or was abandoned before it was read.
      if (p.weightsAfter) tf.dispose(p.weightsAfter);
    }
  };
  const reportStep = async (p: PendingStep) => {
    const step = await readStep(p.step, run.guard);
    const weightsAfter = await readWeightsAfter(run, p);
    run.batchesDone += 1;
    run.examplesSeen += p.examples;
    lossSum += step.loss;
    accuracySum += step.accuracy;
    const now = performance.now();
    const batchRate = p.examples / Math.max(1e-3, (now - lastReport) / 1000);
    lastReport = now;
    run.examplesPerSecond = run.examplesPerSecond === 0 ? batchRate : 0.9 * run.examplesPerSecond + 0.1 * batchRate;
    await run.callbacks.onBatch?.({
      epoch: p.epoch,
      batch: p.batch,
      batchesPerEpoch,
      ...step,
      learningRate: p.learningRate,
      examplesSeen: run.examplesSeen,
      examplesTotal,
      examplesPerSecond: run.examplesPerSecond,
      secondsLeft: (examplesTotal - run.examplesSeen) / run.examplesPerSecond,
    });
    if (weightsAfter) {
      const point = { epoch: p.epoch, batch: p.batch, batchesPerEpoch, examplesSeen: run.examplesSeen, endOfEpoch: false };
      await run.callbacks.onFirstEpochWeights?.(point, weightsAfter);
    }
    await reportMask(run, p.dropoutSeeds);
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
      const images = batchImages(data.train, order, from, to, run.distort);
      const measure: MeasuredKernels | null =
        settings.gradientEvery > 0 && (run.batchesDone + (pending ? 1 : 0)) % settings.gradientEvery === 0 ? run.kernels : null;
      const labels = batchLabels(data.train, order, from, to);
      let dropoutSeeds: readonly number[] = [];
      const step: DispatchedStep = withSeededDropout(run.dropoutLayers, run.dropoutRng, (seeds) => {
        dropoutSeeds = seeds;
        return dispatchStep(run.logitsModel, run.optimizer, run.variables, images, labels, measure);
      });
      const previous = pending;
      const weightsAfter = weightsAfterStep(run, epoch, batch);
      pending = { step, epoch, batch, examples: to - from, learningRate, dropoutSeeds, weightsAfter };
      if (previous) await report(previous);
    }
    if (pending) {
      const last = pending;
      pending = null;
      await report(last);
    }
  } finally {
    // A run abandoned with a step still queued: free its tensors without reading them.
    if (pending) tf.dispose([...pending.step.outputs, ...(pending.weightsAfter ?? [])]);
  }
  return { loss: lossSum / batchesPerEpoch, accuracy: accuracySum / batchesPerEpoch };
}

/**
 * Trains a ConvLens model (from `buildModel` or a loaded one: it needs the `logits` layer)
 * in place with mini-batch gradient descent on softmax cross-entropy, the same loop in the
 * app and in `npm run train`. Each epoch shuffles the (seeded) training subset, distorts
 * every digit when `augment` is set, gives every dropout layer a fresh seed at every step
 * (all drawn from the run's seed, so a run repeats exactly), reports every batch (and, at
 * most every `maskEveryMs`, the dropout mask a step applied), then
 * evaluates on the held-out digits and reports that with a CPU copy of the weights. `control` pauses, resumes and
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
  const subset = shuffleInPlace(
    Int32Array.from({ length: data.train.count }, (_, i) => i),
    rng,
  ).slice(0, settings.examples);
  const augment = settings.augment;
  const run: Run = {
    settings,
    data,
    rng,
    callbacks,
    control,
    distort: augment ? (grey, target) => augmentDigit(grey, rng, augment, target) : null,
    dropoutRng: createRandom(settings.seed + DROPOUT_SEED_OFFSET),
    dropoutLayers: dropoutLayersOf(model),
    maskedLayer: maskedLayerOf(model),
    guard: (work) => control.guard(work),
    logitsModel,
    weights: model.weights,
    optimizer: createOptimizer(settings.optimizer, settings.learningRate),
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    batchesPerEpoch: Math.ceil(settings.examples / settings.batchSize),
    examplesTotal: settings.examples * settings.epochs,
    kernels: kernelWeights(model),
    batchesDone: 0,
    examplesSeen: 0,
    examplesPerSecond: 0,
    lastYield: performance.now(),
    lastMask: Number.NEGATIVE_INFINITY,
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
