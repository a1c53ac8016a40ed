/**
 * The page `npm run check:claims` opens in headless Chromium (served by Vite): it trains one
 * network the way the app's training tab does (buildModel, then trainModel with the options
 * the tab passes: constant learning rate, no distortion unless asked) on the backend asked for, and hands the
 * held-out accuracy of every epoch back to node. Node calls `window.convlensClaimRun(config)`.
 */
import * as tf from '@tensorflow/tfjs';
import { decodeMnist, type MnistData } from '../src/data/mnistFormat';
import { splitIndices } from '../src/data/split';
import { DEFAULT_AUGMENT } from '../src/model/augment';
import { buildModel } from '../src/model/build';
import { loadWasmBackend } from '../src/model/wasmBackend';
import type { PresetRun } from '../src/model/presets';
import type { ModelSpec } from '../src/model/spec';
import { trainModel } from '../src/model/train';
import type { EpochMetrics } from '../src/model/trainMetrics';
import { pickDigits, trainingDataFromMnist, type TrainingData } from '../src/model/trainingData';

/** Digits per class of the validation slice (taken from the training digits, never the held-out ones). */
export const VALIDATION_PER_CLASS = 100;

/** One run node asks for. */
export interface ClaimRunConfig {
  readonly spec: ModelSpec;
  /** The training tab's settings. */
  readonly run: PresetRun;
  /** Seeds the weights, the subset, the shuffling and the dropout masks. */
  readonly seed: number;
  /**
   * 'heldOut': train on the 9,000 training digits, evaluate on the 1,000 held-out ones (as
   * the app does). 'validation': for tuning a recipe, train on the training digits less the
   * last VALIDATION_PER_CLASS of each class, and evaluate on those instead.
   */
  readonly evaluateOn: 'heldOut' | 'validation';
  /** The tfjs backend to train on. */
  readonly backend: ClaimBackend;
}

/** The backends a claim can be trained on. */
export type ClaimBackend = 'webgl' | 'wasm' | 'cpu';

/** What the page hands back. */
export interface ClaimRunResult {
  readonly backend: string;
  readonly trainDigits: number;
  readonly evaluatedDigits: number;
  readonly history: readonly EpochMetrics[];
  readonly seconds: number;
  /** Live tensors before the model was built and after it was disposed. */
  readonly tensorsBefore: number;
  readonly tensorsAfter: number;
}

declare global {
  interface Window {
    convlensClaimRun(config: ClaimRunConfig): Promise<ClaimRunResult>;
  }
}

/** The training split less the last `perClass` training digits of each class, which validate. */
function validationData(data: MnistData, perClass: number): TrainingData {
  const { train } = splitIndices(data);
  const label = (g: number) => data.labels[g];
  const counts = new Array<number>(10).fill(0);
  train.forEach((g) => counts[label(g)]++);
  const seen = new Array<number>(10).fill(0);
  const fit: number[] = [];
  const check: number[] = [];
  train.forEach((g) => {
    const d = label(g);
    (seen[d]++ >= counts[d] - perClass ? check : fit).push(g);
  });
  return { train: pickDigits(data, fit), heldOut: pickDigits(data, check) };
}

let mnist: Promise<MnistData> | null = null;

async function loadMnist(): Promise<MnistData> {
  const response = await fetch('/data/mnist.bin');
  if (!response.ok) throw new Error(`Cannot fetch /data/mnist.bin (HTTP ${response.status}): run \`npm run data\`.`);
  return decodeMnist(new Uint8Array(await response.arrayBuffer()));
}

window.convlensClaimRun = async (config) => {
  if (config.backend === 'wasm') await loadWasmBackend();
  if (tf.getBackend() !== config.backend && !(await tf.setBackend(config.backend)))
    throw new Error(`The ${config.backend} backend is not available in this browser.`);
  await tf.ready();
  mnist ??= loadMnist();
  const all = await mnist;
  const data = config.evaluateOn === 'validation' ? validationData(all, VALIDATION_PER_CLASS) : trainingDataFromMnist(all);
  const tensorsBefore = tf.memory().numTensors;
  const started = performance.now();
  const model = buildModel(config.spec, { seed: config.seed });
  const { run } = config;
  let history: readonly EpochMetrics[];
  try {
    // The options the training tab passes (TrainingPanel), with a fixed seed instead of a random one.
    const result = await trainModel(model, data, {
      optimizer: run.optimizer,
      learningRate: run.learningRate,
      schedule: 'constant',
      batchSize: run.batchSize,
      epochs: run.epochs,
      trainExamples: run.trainExamples,
      augment: run.augment ? DEFAULT_AUGMENT : null,
      seed: config.seed,
      yieldEveryMs: 50,
    });
    history = result.history;
  } finally {
    model.dispose();
  }
  return {
    backend: tf.getBackend(),
    trainDigits: data.train.count,
    evaluatedDigits: data.heldOut.count,
    history,
    seconds: (performance.now() - started) / 1000,
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
  };
};
