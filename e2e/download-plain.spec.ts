import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Download, Page } from '@playwright/test';
import type * as TF from '@tensorflow/tfjs';
import { readMnist } from '../src/data/node';
import { digitImage, sampleIndex, type SampleId } from '../src/data/split';
import { collapseMinPooling } from '../src/model/portableTopology';
import { test, expect, expectTensorsBackTo, openApp, stableTensorCount, waitForNetwork } from './fixtures';

/** tfjs as anyone gets it from npm: the prebuilt bundle, with nothing of ConvLens. */
const TFJS = fileURLToPath(new URL('../node_modules/@tensorflow/tfjs/dist/tf.min.js', import.meta.url));
const SAMPLES: readonly SampleId[] = [
  { digit: 2, index: 0 },
  { digit: 7, index: 0 },
  { digit: 4, index: 0 },
];

type NamedFile = { name: string; mimeType: string; buffer: Buffer };

interface PlainRun {
  readonly href: string;
  readonly minPoolingKnown: boolean;
  readonly classes: string[];
  readonly probabilities: number[][];
  readonly tensorsLeft: number;
  readonly legacyError: string;
}

/**
 * Loads the pair with `tf.loadLayersModel(tf.io.browserFiles(...))` (the way to load files
 * a user picked) in a new browser context on about:blank, where only tfjs's bundle runs,
 * and predicts `images`. Also tries `legacy`, the same model written with MinPooling2D.
 */
async function runInPlainTfjs(page: Page, pair: NamedFile[], legacy: NamedFile, images: number[][]): Promise<PlainRun> {
  await page.goto('about:blank');
  await page.setContent('<input type="file" id="model" multiple><input type="file" id="legacy" multiple>');
  await page.addScriptTag({ path: TFJS });
  await page.locator('#model').setInputFiles(pair);
  await page.locator('#legacy').setInputFiles([legacy, pair.find((f) => f.name.endsWith('.bin'))!]);
  return page.evaluate(async (digits) => {
    const tf = (window as unknown as { tf: typeof TF }).tf;
    await tf.setBackend('cpu');
    const files = (id: string) => {
      const list = [...(document.getElementById(id) as HTMLInputElement).files!];
      return [list.find((f) => f.name.endsWith('.json'))!, list.find((f) => f.name.endsWith('.bin'))!];
    };
    const minPoolingKnown = 'MinPooling2D' in tf.serialization.SerializationMap.getMap().classNameMap;
    const before = tf.memory().numTensors;
    const model = await tf.loadLayersModel(tf.io.browserFiles(files('model')));
    const classes = model.layers.map((l) => l.getClassName());
    const probabilities = tf.tidy(() => (model.predict(tf.tensor4d(digits.flat(), [digits.length, 28, 28, 1])) as TF.Tensor2D).arraySync());
    model.dispose();
    const tensorsLeft = tf.memory().numTensors - before;
    let legacyError = '';
    try {
      (await tf.loadLayersModel(tf.io.browserFiles(files('legacy')))).dispose();
    } catch (e) {
      legacyError = e instanceof Error ? e.message : String(e);
    }
    return { href: location.href, minPoolingKnown, classes, probabilities, tensorsLeft, legacyError };
  }, images);
}

/** The app's ten softmax bars (probabilities to 4 decimals) for the input in view. */
async function appProbabilities(page: Page): Promise<number[]> {
  const bars = page.getByTestId('softmax-bars').locator('g[data-digit]');
  return bars.evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-probability'))));
}

/** Shows a sample and waits until the app's prediction for it is `expected` (each bar within 1e-4, the rounding of the bars). */
async function expectAppPredicts(page: Page, sample: SampleId, expected: number[]): Promise<void> {
  await page.getByTestId(`sample-class-${sample.digit}`).click();
  await page.getByTestId('sample-index').fill(String(sample.index));
  await expect(page.getByTestId('input-source')).toHaveText(`MNIST digit ${sample.digit}, number ${sample.index}`);
  const best = expected.indexOf(Math.max(...expected));
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', String(best));
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-up-to-date', 'true');
  await expect
    .poll(async () => Math.max(...(await appProbabilities(page)).map((p, d) => Math.abs(p - expected[d]))), {
      message: `probabilities of MNIST ${sample.digit}/${sample.index}`,
    })
    .toBeLessThan(1e-4);
}

test('a min-pooling model trained here downloads as files that plain tfjs loads and that predict what the app predicts', async ({
  page,
  browser,
  problems,
}) => {
  test.setTimeout(300_000);
  await openApp(page);
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '2', { timeout: 60_000 });
  await waitForNetwork(page);
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('model-library')).toBeVisible();
  const baseline = await stableTensorCount(page);

  // A small network with min pooling: the class demo's network with min pooling after its first convolution.
  await page.getByTestId('train-preset').selectOption('class-demo');
  await page.getByTestId('arch-pool-0').selectOption('min');
  await page.getByTestId('train-start-from').selectOption('scratch');
  await page.getByTestId('train-examples').selectOption('256');
  await page.getByTestId('train-batch').selectOption('128');
  await page.getByTestId('train-epochs').selectOption('1');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 180_000 });
  await expect(page.getByTestId('show-trained')).toHaveAttribute('aria-pressed', 'true');

  await page.getByTestId('model-name').fill('min pool');
  await page.getByTestId('model-save').click();
  await expect(page.getByTestId('model-message')).toHaveText('Saved “min pool” in this browser.');
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.locator('[data-testid="model-item"][data-name="min pool"]').getByTestId('model-download').click();
  await expect.poll(() => downloads.length).toBe(2);
  const pair: NamedFile[] = [];
  for (const d of downloads) {
    const name = d.suggestedFilename();
    pair.push({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'application/octet-stream', buffer: readFileSync((await d.path())!) });
  }
  expect(pair.map((f) => f.name).sort()).toEqual(['min-pool.json', 'min-pool.weights.bin']);
  const modelJson = JSON.parse(pair.find((f) => f.name === 'min-pool.json')!.buffer.toString('utf8'));
  const text = JSON.stringify(modelJson.modelTopology);
  expect(text).not.toContain('MinPooling2D');
  expect(text).toContain('"class_name":"Rescaling"');
  // The same model as ConvLens keeps it inside (min pooling as its own layer), for the check that plain tfjs refuses that.
  const inside = collapseMinPooling(modelJson.modelTopology) as { config: { layers: { class_name: string }[] } };
  expect(inside.config.layers.map((l) => l.class_name)).toContain('MinPooling2D');
  const legacy: NamedFile = { name: 'legacy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...modelJson, modelTopology: inside })) };

  const data = readMnist();
  const images = SAMPLES.map((s) => Array.from(digitImage(data, sampleIndex(data, s)).data));
  const context = await browser.newContext();
  let plain: PlainRun;
  try {
    plain = await runInPlainTfjs(await context.newPage(), pair, legacy, images);
  } finally {
    await context.close();
  }
  expect(plain.href).toBe('about:blank');
  expect(plain.minPoolingKnown).toBe(false);
  expect(plain.legacyError).toMatch(/Unknown layer: MinPooling2D/);
  expect(plain.classes).toEqual([
    'InputLayer',
    'Conv2D',
    'Activation',
    'Rescaling',
    'MaxPooling2D',
    'Rescaling',
    'Conv2D',
    'Activation',
    'MaxPooling2D',
    'Flatten',
    'Dense',
    'Activation',
    'Dense',
    'Activation',
  ]);
  expect(plain.tensorsLeft).toBe(0);

  // The app, with the model it trained in view, predicts the same for the same digits.
  for (const [k, sample] of SAMPLES.entries()) await expectAppPredicts(page, sample, plain.probabilities[k]);

  // The downloaded pair uploads back as the same model.
  await page.getByTestId('show-pretrained').click();
  await page.getByTestId('model-upload-input').setInputFiles(pair);
  await expect(page.getByTestId('model-message')).toHaveText('Uploaded “min pool”: it is now the model in view.');
  await expect(page.getByTestId('show-trained')).toHaveAttribute('aria-pressed', 'true');
  for (const [k, sample] of SAMPLES.entries()) await expectAppPredicts(page, sample, plain.probabilities[k]);

  // Training, saving, downloading and uploading leave nothing behind once the model is reset.
  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('show-trained')).toHaveCount(0);
  await expectTensorsBackTo(page, baseline);
  expect(problems.errors).toEqual([]);
});
