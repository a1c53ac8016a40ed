/**
 * The page `npm run train` opens in headless Chromium (served by Vite): it trains with the
 * app's own model code on WebGL, which is about ten times faster here than tfjs on node's
 * CPU, and hands the trained model back to node. Node calls `window.convlensTrain(config)`
 * and receives progress through the exposed `window.convlensReport(line)`.
 */
import * as tf from '@tensorflow/tfjs';
import { decodeMnist } from '../src/data/mnistFormat';
import { buildModel } from '../src/model/build';
import { serialiseModel } from '../src/model/io';
import { createRandom } from '../src/model/random';
import { DEFAULT_SPEC, type ModelSpec } from '../src/model/spec';
import { DEFAULT_TRAIN_OPTIONS, trainModel, type EpochMetrics, type TrainOptions } from '../src/model/train';
import { trainingDataFromMnist } from '../src/model/trainingData';

/** What node asks for. */
export interface TrainPageConfig {
  spec?: ModelSpec;
  /** Seeds the weights, the subset, the shuffling and the augmentation. */
  seed: number;
  options: Partial<Omit<TrainOptions, 'seed'>>;
  /** Print a batch line at most this often (ms). */
  reportEveryMs: number;
  /** tfjs environment flags to set before training (for speed experiments). */
  flags?: Record<string, boolean | number>;
}

/** What the page hands back. */
export interface TrainPageResult {
  backend: string;
  spec: ModelSpec;
  options: Omit<TrainOptions, 'augment'> & { augment: unknown };
  history: readonly EpochMetrics[];
  trainSeconds: number;
  modelJson: tf.io.ModelJSON;
  weightsFile: string;
  weightsBase64: string;
  tensorsAfter: number;
}

declare global {
  interface Window {
    convlensTrain(config: TrainPageConfig): Promise<TrainPageResult>;
    convlensReport?(line: string): Promise<void>;
  }
}

function report(line: string): Promise<void> {
  return window.convlensReport ? window.convlensReport(line) : Promise.resolve();
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function percent(x: number): string {
  return `${(100 * x).toFixed(2)}%`;
}

window.convlensTrain = async (config) => {
  for (const [flag, value] of Object.entries(config.flags ?? {})) tf.env().set(flag, value);
  if (!(await tf.setBackend('webgl'))) throw new Error('WebGL is not available in this browser.');
  await tf.ready();
  const response = await fetch('/data/mnist.bin');
  if (!response.ok) throw new Error(`Cannot fetch /data/mnist.bin (HTTP ${response.status}): run \`npm run data\`.`);
  const data = trainingDataFromMnist(decodeMnist(new Uint8Array(await response.arrayBuffer())));
  const spec = config.spec ?? DEFAULT_SPEC;
  const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...config.options, seed: config.seed };
  // tfjs draws its dropout masks from unseeded generators seeded by Math.random; seeding
  // Math.random on this page (and only here) makes those masks repeat from run to run too.
  Math.random = createRandom(config.seed + 0x5eed);
  const model = buildModel(spec, { seed: config.seed });
  await report(`backend ${tf.getBackend()}; ${data.train.count} training digits, ${data.heldOut.count} held out`);

  let lastReport = 0;
  const started = performance.now();
  const result = await trainModel(model, data, options, {
    onBatch: async (m) => {
      if (performance.now() - lastReport < config.reportEveryMs) return;
      lastReport = performance.now();
      await report(
        `epoch ${m.epoch}/${options.epochs} batch ${m.batch}/${m.batchesPerEpoch} loss ${m.loss.toFixed(4)} acc ${percent(m.accuracy)} ` +
          `lr ${m.learningRate.toExponential(2)} ${m.examplesPerSecond.toFixed(0)} ex/s, ~${Math.round(m.secondsLeft / 60)} min left`,
      );
    },
    onEpoch: (m) =>
      report(
        `== epoch ${m.epoch}/${options.epochs}: train loss ${m.trainLoss.toFixed(4)} acc ${percent(m.trainAccuracy)} | ` +
          `held-out loss ${m.heldOutLoss.toFixed(4)} acc ${percent(m.heldOutAccuracy)} | ${m.elapsedSeconds.toFixed(0)} s`,
      ),
  });
  const trainSeconds = (performance.now() - started) / 1000;
  const serialised = await serialiseModel(model);
  model.dispose();
  return {
    backend: tf.getBackend(),
    spec,
    options: { ...options, trainExamples: Math.min(options.trainExamples, data.train.count) },
    history: result.history,
    trainSeconds,
    modelJson: serialised.modelJson,
    weightsFile: serialised.weightsFile,
    weightsBase64: toBase64(serialised.weights),
    tensorsAfter: tf.memory().numTensors,
  };
};
