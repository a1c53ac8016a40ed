/**
 * `npm run train`: trains the default ConvLens CNN and writes it to public/models/default/.
 *
 * tfjs on node's CPU trains far too slowly here, so this script serves the repo with Vite,
 * opens scripts/train-page.html in headless Chromium (WebGL on SwiftShader) and lets that
 * page train with the app's own src/model code. The page hands the model back; this script
 * writes model.json + one weights shard (standard tfjs format, built-in layers only),
 * re-evaluates the written files with plain tfjs on node's CPU, and writes metrics.json.
 *
 * The recipe has two phases of the same trainModel: `--epochs` epochs on distorted digits
 * (Adam, cosine learning-rate decay from `--lr`), then `--clean-epochs` epochs on the
 * undistorted digits at a constant tenth of that learning rate, which removes the mismatch
 * between distorted training digits and real ones; the shipped weights are the mean of the
 * clean epochs' end weights (stochastic weight averaging), which evens out the epoch-to-
 * epoch wobble of a few tenths of a percent.
 *
 * Options: --epochs N (18)  --clean-epochs N (4)  --seed N (1)  --out DIR (public/models/default)
 * For experiments: --examples N  --batch N  --lr X  --spec '<ModelSpec JSON>'  --no-augment
 *   --augment '<partial AugmentOptions JSON>'  --flags '<tfjs env flags JSON>'
 *   --from DIR (fine-tune the model.json in DIR, a folder inside public/)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { reportPageProblems, withViteChromium } from './viteChromium';
import { readMnist } from '../src/data/node';
import { DEFAULT_AUGMENT, type AugmentOptions } from '../src/model/augment';
import { expandMinPooling } from '../src/model/portableTopology';
import { DEFAULT_TRAIN_OPTIONS } from '../src/model/trainOptions';
import { validateSpec, type ModelSpec } from '../src/model/spec';
import { trainingDataFromMnist } from '../src/model/trainingData';
import type { TrainPageConfig, TrainPageResult, TrainPhase } from './train-page';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The URL path under which Vite serves a model.json inside public/. */
function publicUrl(dir: string): string {
  const path = relative(join(root, 'public'), resolve(dir, 'model.json'));
  if (path.startsWith('..')) throw new Error(`--from must name a folder inside public/ (got ${dir}).`);
  return `/${path.split(sep).join('/')}`;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      epochs: { type: 'string', default: '18' },
      'clean-epochs': { type: 'string', default: '4' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: join(root, 'public', 'models', 'default') },
      examples: { type: 'string' },
      batch: { type: 'string' },
      lr: { type: 'string' },
      spec: { type: 'string' },
      'no-augment': { type: 'boolean', default: false },
      augment: { type: 'string' },
      flags: { type: 'string' },
      from: { type: 'string' },
    },
  });
  const spec = values.spec ? (JSON.parse(values.spec) as ModelSpec) : undefined;
  if (spec) {
    const check = validateSpec(spec);
    if (!check.ok) throw new Error(check.message);
  }
  const config: TrainPageConfig = {
    spec,
    seed: Number(values.seed),
    reportEveryMs: 15_000,
    initialModelUrl: values.from ? publicUrl(values.from) : undefined,
    flags: values.flags ? (JSON.parse(values.flags) as Record<string, boolean | number>) : undefined,
    phases: [],
  };
  const common: TrainPhase['options'] = {
    ...(values.examples ? { trainExamples: Number(values.examples) } : {}),
    ...(values.batch ? { batchSize: Number(values.batch) } : {}),
  };
  const learningRate = values.lr ? Number(values.lr) : DEFAULT_TRAIN_OPTIONS.learningRate;
  const augment = values['no-augment'] ? null : { ...DEFAULT_AUGMENT, ...(values.augment ? (JSON.parse(values.augment) as Partial<AugmentOptions>) : {}) };
  if (Number(values.epochs) > 0) config.phases.push({ name: 'distorted', options: { ...common, epochs: Number(values.epochs), learningRate, augment } });
  if (Number(values['clean-epochs']) > 0) {
    const options = { ...common, epochs: Number(values['clean-epochs']), learningRate: learningRate / 10, schedule: 'constant' as const, augment: null };
    config.phases.push({ name: 'clean', averageEpochs: true, options });
  }
  if (config.phases.length === 0) throw new Error('Nothing to train: --epochs and --clean-epochs are both 0.');
  return { config, out: resolve(values.out) };
}

/** Trains in the page and returns its result; the browser and server are closed after. */
async function trainInBrowser(config: TrainPageConfig): Promise<TrainPageResult> {
  return withViteChromium(async (base, browser) => {
    const page = await browser.newPage();
    reportPageProblems(page);
    await page.exposeFunction('convlensReport', (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`));
    await page.goto(new URL('scripts/train-page.html', base).href);
    await page.waitForFunction(() => typeof window.convlensTrain === 'function', null, { timeout: 120_000 });
    return page.evaluate((c) => window.convlensTrain(c), config);
  });
}

/** Held-out accuracy of the written model, loaded with plain tfjs on node's CPU. */
async function verifyWrittenModel(dir: string, modelJson: tf.io.ModelJSON): Promise<number> {
  await tf.setBackend('cpu');
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const shard = readFileSync(join(dir, modelJson.weightsManifest[0].paths[0]));
  const weightData = shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.byteLength) as ArrayBuffer;
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData }));
  const { heldOut } = trainingDataFromMnist(readMnist());
  const correct = tf.tidy(() => {
    const xs = tf.tensor4d(
      Float32Array.from(heldOut.pixels, (v) => v / 255),
      [heldOut.count, 28, 28, 1],
    );
    const predicted = (model.predict(xs) as tf.Tensor).argMax(1);
    return predicted.equal(tf.tensor1d(heldOut.labels, 'int32')).sum().dataSync()[0];
  });
  model.dispose();
  return correct / heldOut.count;
}

async function main(): Promise<void> {
  const { config, out } = readOptions();
  const plan = config.phases.map((p) => `${p.options.epochs} ${p.name} epochs`).join(' + ');
  console.log(`training ${config.spec ? 'a custom' : 'the default'} model, seed ${config.seed}, ${plan} -> ${out}`);
  const started = Date.now();
  const result = await trainInBrowser(config);
  if (result.backend !== 'webgl') throw new Error(`Expected to train on webgl, trained on ${result.backend}.`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, result.weightsFile), Buffer.from(result.weightsBase64, 'base64'));
  // Built-in layers only (min pooling as Rescaling -> MaxPooling2D -> Rescaling), so plain tfjs loads the files.
  const modelJson: tf.io.ModelJSON = {
    ...result.modelJson,
    modelTopology: expandMinPooling(result.modelJson.modelTopology) as tf.io.ModelJSON['modelTopology'],
  };
  writeFileSync(join(out, 'model.json'), JSON.stringify(modelJson));
  const verified = await verifyWrittenModel(out, modelJson);
  const lastPhase = result.phases[result.phases.length - 1];
  const last = lastPhase.history[lastPhase.history.length - 1];
  const metrics = {
    heldOutAccuracy: verified,
    heldOutAccuracyWebgl: lastPhase.averaged?.accuracy ?? last?.heldOutAccuracy ?? null,
    heldOutLoss: lastPhase.averaged?.loss ?? last?.heldOutLoss ?? null,
    heldOutCount: 1000,
    trainExamples: lastPhase.options.trainExamples,
    epochs: result.phases.reduce((n, p) => n + p.history.length, 0),
    seed: config.seed,
    trainSeconds: Math.round(result.trainSeconds),
    totalSeconds: Math.round((Date.now() - started) / 1000),
    backend: result.backend,
    date: new Date().toISOString(),
    command: `npm run train -- ${process.argv.slice(2).join(' ')}`.trim(),
    spec: result.spec,
    phases: result.phases,
  };
  writeFileSync(join(out, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  console.log(
    `done in ${metrics.totalSeconds} s: held-out accuracy ${(100 * verified).toFixed(2)}% (plain tfjs, CPU; ` +
      `${(100 * (metrics.heldOutAccuracyWebgl ?? NaN)).toFixed(2)}% on webgl); tensors left in the page: ${result.tensorsAfter}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
