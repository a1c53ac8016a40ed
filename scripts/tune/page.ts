/**
 * The page scripts/tune-class-demo.ts opens in headless Chromium (served by Vite): it trains
 * candidate class-demo presets with the app's own code (buildModel, the edge-filter start,
 * trainModel) on the app's digits, and scores them on a validation slice of the training
 * digits, never on the held-out 1,000.
 */
import * as tf from '@tensorflow/tfjs';
import { decodeMnist } from '../../src/data/mnistFormat';
import { buildModel } from '../../src/model/build';
import { evaluateModel } from '../../src/model/evaluate';
import { setEdgeFilterKernels } from '../../src/model/initFilters';
import { DEFAULT_SPEC } from '../../src/model/spec';
import { trainModel } from '../../src/model/train';
import { loadWasmBackend } from '../../src/model/wasmBackend';
import { trainingDataFromMnist, type TrainingData } from '../../src/model/trainingData';
import type { TuneBackend, TunePoint, TuneRunConfig, TuneRunResult, YardstickResult } from './protocol';
import { validationSplit } from './validation';

declare global {
  interface Window {
    tuneRun(config: TuneRunConfig): Promise<TuneRunResult>;
    tuneYardstick(backend: TuneBackend, examples: number): Promise<YardstickResult>;
  }
}

let split: TrainingData | null = null;

async function useBackend(name: TuneBackend): Promise<number> {
  const started = performance.now();
  if (name === 'wasm') await loadWasmBackend();
  if (tf.getBackend() !== name) {
    if (!(await tf.setBackend(name))) throw new Error(`The ${name} backend is not available in this browser.`);
    await tf.ready();
  }
  return (performance.now() - started) / 1000;
}

async function tuningData(): Promise<{ data: TrainingData; seconds: number }> {
  const started = performance.now();
  if (!split) {
    const response = await fetch('/data/mnist.bin');
    if (!response.ok) throw new Error(`Cannot fetch /data/mnist.bin (HTTP ${response.status}): run \`npm run data\`.`);
    // Only the training split goes on: the held-out 1,000 are dropped here.
    split = validationSplit(trainingDataFromMnist(decodeMnist(new Uint8Array(await response.arrayBuffer()))).train);
  }
  return { data: split, seconds: (performance.now() - started) / 1000 };
}

window.tuneRun = async (config) => {
  const backendSeconds = await useBackend(config.backend);
  const { data, seconds: dataSeconds } = await tuningData();
  const before = tf.memory().numTensors;
  const started = performance.now();
  let scoring = 0;
  const points: TunePoint[] = [];
  const model = buildModel(config.spec, { seed: config.options.seed });
  const score = async (examplesSeen: number) => {
    const t0 = performance.now();
    const trainSeconds = (t0 - started - scoring) / 1000;
    const { accuracy } = await evaluateModel(model, data.heldOut);
    points.push({ examplesSeen, accuracy, trainSeconds });
    scoring += performance.now() - t0;
  };
  try {
    if (config.firstLayer !== 'random') setEdgeFilterKernels(model);
    const options = config.firstLayer === 'edge-frozen' ? { ...config.options, frozenLayers: ['conv1'] } : config.options;
    let nextScore = config.evalEveryExamples;
    let seen = 0;
    let lastEpochEnd = 0;
    await trainModel(model, data, options, {
      onBatch: async (m) => {
        seen = m.examplesSeen;
        if (m.examplesSeen >= nextScore && m.batch < m.batchesPerEpoch) {
          nextScore += config.evalEveryExamples;
          await score(m.examplesSeen);
        }
      },
      // trainModel has just scored the validation slice (it is this run's "held-out" set),
      // so the epoch end is taken from its metrics; its time is counted, as in the app.
      onEpoch: (m) => {
        const trainSeconds = (performance.now() - started - scoring) / 1000;
        points.push({ examplesSeen: seen, accuracy: m.heldOutAccuracy, trainSeconds });
        lastEpochEnd = seen;
        if (seen >= nextScore) nextScore = seen + config.evalEveryExamples;
      },
    });
    if (lastEpochEnd !== seen) throw new Error('The run ended between epochs.');
  } finally {
    model.dispose();
  }
  return {
    backend: tf.getBackend(),
    backendSeconds,
    dataSeconds,
    points,
    trainDigits: data.train.count,
    validationDigits: data.heldOut.count,
    leakedTensors: tf.memory().numTensors - before,
  };
};

window.tuneYardstick = async (backend, examples) => {
  await useBackend(backend);
  const { data } = await tuningData();
  const model = buildModel(DEFAULT_SPEC, { seed: 1 });
  try {
    // The default preset's settings (batch 32, Adam 0.002); the first batches warm up.
    const warm = await trainModel(model, data, {
      batchSize: 32,
      learningRate: 0.002,
      schedule: 'constant',
      epochs: 1,
      trainExamples: 64,
      augment: null,
      seed: 1,
    });
    if (warm.status !== 'completed') throw new Error('The warm-up run did not complete.');
    let measured = 0;
    const t0 = performance.now();
    await trainModel(
      model,
      data,
      { batchSize: 32, learningRate: 0.002, schedule: 'constant', epochs: 1, trainExamples: examples, augment: null, seed: 2, evalBatchSize: 1000 },
      {
        onBatch: (m) => {
          if (m.batch === m.batchesPerEpoch) measured = (performance.now() - t0) / 1000;
        },
      },
    );
    return { backend: tf.getBackend(), examples, examplesPerSecond: examples / measured };
  } finally {
    model.dispose();
  }
};
