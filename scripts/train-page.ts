/**
 * The page `npm run train` opens in headless Chromium (served by Vite): it trains with the
 * app's own model code on WebGL, which is about ten times faster here than tfjs on node's
 * CPU, and hands the trained model back to node. Node calls `window.convlensTrain(config)`
 * and receives progress through the exposed `window.convlensReport(line)`.
 */
import * as tf from '@tensorflow/tfjs';
import { decodeMnist } from '../src/data/mnistFormat';
import { buildModel } from '../src/model/build';
import { loadModelFromUrl, serialiseModel } from '../src/model/io';
import { DEFAULT_SPEC, type ModelSpec } from '../src/model/spec';
import { evaluateModel } from '../src/model/evaluate';
import { trainModel } from '../src/model/train';
import type { EpochMetrics } from '../src/model/trainMetrics';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from '../src/model/trainOptions';
import { trainingDataFromMnist, type TrainingData } from '../src/model/trainingData';
import { averageSnapshots, restoreWeights, type WeightSnapshot } from '../src/model/weights';

/** One call of trainModel: the recipe trains in phases (augmented, then clean). */
export interface TrainPhase {
  name: string;
  /** Ship the mean of the weights at the ends of this phase's epochs (SWA) instead of the last. */
  averageEpochs?: boolean;
  /** Options of this phase; its seed is the run's seed plus the phase's position. */
  options: Partial<Omit<TrainOptions, 'seed'>>;
}

/** What node asks for. */
export interface TrainPageConfig {
  spec?: ModelSpec;
  /** Seeds the weights, the subset, the shuffling, the augmentation and the dropout masks. */
  seed: number;
  phases: TrainPhase[];
  /** Print a batch line at most this often (ms). */
  reportEveryMs: number;
  /** URL of a model.json to start from (fine-tuning) instead of fresh weights. */
  initialModelUrl?: string;
  /** tfjs environment flags to set before training (for speed experiments). */
  flags?: Record<string, boolean | number>;
}

/** One phase as it ran. */
export interface PhaseResult {
  name: string;
  options: TrainOptions;
  history: readonly EpochMetrics[];
  /** Held-out metrics of the averaged weights, when the phase averages. */
  averaged?: { loss: number; accuracy: number };
  seconds: number;
}

/** What the page hands back. */
export interface TrainPageResult {
  backend: string;
  spec: ModelSpec;
  phases: PhaseResult[];
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

async function runPhase(model: tf.LayersModel, data: TrainingData, phase: TrainPhase, seed: number, reportEveryMs: number): Promise<PhaseResult> {
  const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...phase.options, seed };
  const label = (epoch: number) => `${phase.name} epoch ${epoch}/${options.epochs}`;
  let lastReport = 0;
  const started = performance.now();
  const snapshots: WeightSnapshot[] = [];
  const result = await trainModel(model, data, options, {
    onBatch: async (m) => {
      if (performance.now() - lastReport < reportEveryMs) return;
      lastReport = performance.now();
      await report(
        `${label(m.epoch)} batch ${m.batch}/${m.batchesPerEpoch} loss ${m.loss.toFixed(4)} acc ${percent(m.accuracy)} ` +
          `lr ${m.learningRate.toExponential(2)} ${m.examplesPerSecond.toFixed(0)} ex/s, ~${Math.round(m.secondsLeft / 60)} min left in phase`,
      );
    },
    onEpoch: (m, snapshot) => {
      if (phase.averageEpochs) snapshots.push(snapshot);
      return report(
        `== ${label(m.epoch)}: train loss ${m.trainLoss.toFixed(4)} acc ${percent(m.trainAccuracy)} | ` +
          `held-out loss ${m.heldOutLoss.toFixed(4)} acc ${percent(m.heldOutAccuracy)} | ${m.elapsedSeconds.toFixed(0)} s`,
      );
    },
  });
  const trainExamples = Math.min(options.trainExamples, data.train.count);
  const done: PhaseResult = { name: phase.name, options: { ...options, trainExamples }, history: result.history, seconds: 0 };
  if (phase.averageEpochs && snapshots.length > 1) {
    restoreWeights(model, averageSnapshots(snapshots));
    done.averaged = await evaluateModel(model, data.heldOut);
    await report(
      `== ${phase.name}: mean of its ${snapshots.length} epoch-end weights: held-out loss ${done.averaged.loss.toFixed(4)} acc ${percent(done.averaged.accuracy)}`,
    );
  }
  done.seconds = (performance.now() - started) / 1000;
  return done;
}

window.convlensTrain = async (config) => {
  for (const [flag, value] of Object.entries(config.flags ?? {})) tf.env().set(flag, value);
  if (!(await tf.setBackend('webgl'))) throw new Error('WebGL is not available in this browser.');
  await tf.ready();
  const response = await fetch('/data/mnist.bin');
  if (!response.ok) throw new Error(`Cannot fetch /data/mnist.bin (HTTP ${response.status}): run \`npm run data\`.`);
  const data = trainingDataFromMnist(decodeMnist(new Uint8Array(await response.arrayBuffer())));
  const spec = config.spec ?? DEFAULT_SPEC;
  // buildModel seeds the weights and trainModel the subset, shuffling, distortions and every
  // step's dropout masks, all from the seed, so a run repeats exactly.
  const model = config.initialModelUrl ? await loadModelFromUrl(config.initialModelUrl) : buildModel(spec, { seed: config.seed });
  await report(`backend ${tf.getBackend()}; ${data.train.count} training digits, ${data.heldOut.count} held out`);

  const started = performance.now();
  const phases: PhaseResult[] = [];
  for (const [i, phase] of config.phases.entries()) phases.push(await runPhase(model, data, phase, config.seed + i, config.reportEveryMs));
  const trainSeconds = (performance.now() - started) / 1000;
  const serialised = await serialiseModel(model);
  model.dispose();
  return {
    backend: tf.getBackend(),
    spec,
    phases,
    trainSeconds,
    modelJson: serialised.modelJson,
    weightsFile: serialised.weightsFile,
    weightsBase64: toBase64(serialised.weights),
    tensorsAfter: tf.memory().numTensors,
  };
};
