import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { test, expect, openApp, expectTensorsBackTo, settledValue, stableTensorCount, waitForNetwork } from './fixtures';

/** The committed model, the starting point of every generated upload. */
const MODEL_JSON = readFileSync(new URL('../public/models/default/model.json', import.meta.url), 'utf8');
const WEIGHTS = readFileSync(new URL('../public/models/default/group1-shard1of1.bin', import.meta.url));

type UploadFile = { name: string; mimeType: string; buffer: Buffer };
const jsonFile = (text: string, name = 'model.json'): UploadFile => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const binFile = (bytes: Buffer, name = 'group1-shard1of1.bin'): UploadFile => ({ name, mimeType: 'application/octet-stream', buffer: bytes });

/** Opens the app, waits for the pretrained model's answer on the default "2", opens the training tab. */
async function openTrainingTab(page: Page): Promise<string> {
  await openApp(page);
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveAttribute('data-digit', '2', { timeout: 60_000 });
  await waitForNetwork(page);
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('model-library')).toBeVisible();
  return (await prediction.getAttribute('data-confidence')) ?? '';
}

const item = (page: Page, name: string) => page.locator(`[data-testid="model-item"][data-name="${name}"]`);

/** Sum of the byte sizes of every float32 weight a model.json's manifest lists. */
function manifestBytes(modelJson: { weightsManifest: { weights: { shape: number[] }[] }[] }): number {
  return modelJson.weightsManifest.flatMap((g) => g.weights).reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1) * 4, 0);
}

test('save a trained model, reload, load it, download it, upload it back, delete it', async ({ page, problems }) => {
  test.setTimeout(240_000);
  const pretrained = await openTrainingTab(page);
  const prediction = page.getByTestId('prediction');
  await expect(page.getByTestId('model-list-empty')).toBeVisible();
  await expect(page.getByTestId('model-save')).toBeDisabled();
  await expect(page.getByTestId('model-save-hint')).toContainText('train a model');

  // A tiny training run: two steps on 256 digits.
  await page.getByTestId('train-examples').selectOption('256');
  await page.getByTestId('train-batch').selectOption('128');
  await page.getByTestId('train-epochs').selectOption('1');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 180_000 });
  await expect(prediction).not.toHaveAttribute('data-confidence', pretrained);
  const trained = await settledValue(async () => (await prediction.getAttribute('data-confidence')) ?? '', "the trained model's confidence");

  await page.getByTestId('model-name').fill('  first try ');
  await page.getByTestId('model-save').click();
  await expect(page.getByTestId('model-message')).toHaveText('Saved “first try” in this browser.');
  await expect(item(page, 'first try')).toContainText('held-out accuracy');

  // Saving the same name again is refused and changes nothing.
  await page.getByTestId('model-name').fill('first try');
  await page.getByTestId('model-save').click();
  await expect(page.getByTestId('model-error')).toHaveAttribute('data-code', 'name-taken');
  await expect(page.getByTestId('model-item')).toHaveCount(1);

  // After a reload the pretrained model is back in view, and the saved model is listed.
  await openTrainingTab(page);
  await expect(item(page, 'first try')).toBeVisible();
  await expect(prediction).toHaveAttribute('data-confidence', pretrained);
  await item(page, 'first try').getByTestId('model-load').click();
  await expect(page.getByTestId('model-message')).toContainText('“first try” is now the model in view');
  await expect(prediction).toHaveAttribute('data-confidence', trained);
  await expect(page.locator('.prediction')).toContainText('first try');
  await expect(page.getByTestId('show-trained')).toHaveAttribute('aria-pressed', 'true');

  // Download: model.json parses and its manifest describes exactly the weights file.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await item(page, 'first try').getByTestId('model-download').click();
  await expect.poll(() => downloads.length).toBe(2);
  const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
  expect([...byName.keys()].sort()).toEqual(['first-try.json', 'first-try.weights.bin']);
  const json = readFileSync((await byName.get('first-try.json')!.path())!, 'utf8');
  const bin = readFileSync((await byName.get('first-try.weights.bin')!.path())!);
  const parsed = JSON.parse(json);
  expect(parsed.weightsManifest[0].paths).toEqual(['./first-try.weights.bin']);
  expect(manifestBytes(parsed)).toBe(bin.length);
  expect(bin.length).toBe(WEIGHTS.length);

  // Back to the pretrained model, then upload the downloaded files: the model returns.
  await page.getByTestId('show-pretrained').click();
  await expect(prediction).toHaveAttribute('data-confidence', pretrained);
  await page.getByTestId('model-upload-input').setInputFiles([jsonFile(json, 'first-try.json'), binFile(bin, 'first-try.weights.bin')]);
  await expect(page.getByTestId('model-message')).toHaveText('Uploaded “first try”: it is now the model in view.');
  await expect(prediction).toHaveAttribute('data-confidence', trained);

  // Delete asks first, in the page; "Keep it" keeps it.
  await item(page, 'first try').getByTestId('model-delete').click();
  await item(page, 'first try').getByTestId('model-delete-cancel').click();
  await expect(item(page, 'first try')).toBeVisible();
  await item(page, 'first try').getByTestId('model-delete').click();
  await item(page, 'first try').getByTestId('model-delete-confirm').click();
  await expect(page.getByTestId('model-message')).toHaveText('Deleted “first try”.');
  await expect(page.getByTestId('model-item')).toHaveCount(0);
  expect(problems.errors).toEqual([]);
});

test('invalid model files are refused with a clear message, the model in view stays, and training continues from it', async ({ page, problems }) => {
  test.setTimeout(240_000);
  const pretrained = await openTrainingTab(page);
  const baseline = await stableTensorCount(page);
  const prediction = page.getByTestId('prediction');
  const upload = page.getByTestId('model-upload-input');
  const error = page.getByTestId('model-error');

  // The committed model itself uploads fine and becomes the model in view ("model").
  await upload.setInputFiles([jsonFile(MODEL_JSON), binFile(WEIGHTS)]);
  await expect(page.getByTestId('model-message')).toHaveText('Uploaded “model”: it is now the model in view.');
  await expect(page.locator('.prediction')).toContainText('saved model “model”');
  await expect(prediction).toHaveAttribute('data-confidence', pretrained);

  const wrongInput = JSON.parse(MODEL_JSON);
  wrongInput.modelTopology.config.layers[0].config.batch_input_shape = [null, 32, 32, 1];
  const cases: { files: UploadFile[]; code: string; text: RegExp }[] = [
    { files: [jsonFile(MODEL_JSON.slice(0, 500)), binFile(WEIGHTS)], code: 'json-parse', text: /“model\.json” is not valid JSON/ },
    {
      files: [jsonFile(MODEL_JSON), binFile(WEIGHTS.subarray(0, WEIGHTS.length - 1000))],
      code: 'weights-length',
      text: /holds 433,472 bytes, but the \.json file describes 434,472 bytes/,
    },
    {
      files: [jsonFile(JSON.stringify(wrongInput)), binFile(WEIGHTS)],
      code: 'input-shape',
      text: /input of shape \[null, 32, 32, 1\], but ConvLens gives it \[null, 28, 28, 1\]/,
    },
    { files: [jsonFile(MODEL_JSON)], code: 'no-weights', text: /weights file is missing/ },
  ];
  for (const c of cases) {
    await upload.setInputFiles(c.files);
    await expect(error).toHaveAttribute('data-code', c.code);
    await expect(error).toHaveText(c.text);
    await expect(page.locator('.prediction')).toContainText('saved model “model”');
    await expect(prediction).toHaveAttribute('data-confidence', pretrained);
  }

  // Training continues from the uploaded model: after two small steps it is still far
  // above what two steps from random weights reach.
  await page.getByTestId('train-start-from').selectOption('current');
  await page.getByTestId('train-lr').selectOption('0.0005');
  await page.getByTestId('train-examples').selectOption('256');
  await page.getByTestId('train-batch').selectOption('128');
  await page.getByTestId('train-epochs').selectOption('1');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 180_000 });
  expect(Number(await page.getByTestId('train-heldout').getAttribute('data-accuracy'))).toBeGreaterThan(0.9);

  // Uploads, refusals and training leave nothing behind once the model is reset.
  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('show-trained')).toHaveCount(0);
  await expectTensorsBackTo(page, baseline);
  expect(problems.errors).toEqual([]);
});

test('a full storage quota: the save fails with a clear message, nothing half-written, earlier models intact', async ({ page, problems }) => {
  await openTrainingTab(page);
  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  const usage = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  // Room for one copy of the 434 kB weights, not two. (Chromium's IndexedDB keeps its own
  // figure of the space left and asks the quota again only when a write no longer fits it,
  // so a quota that starts large and shrinks later would not be noticed for a while.)
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (await usage()) + 800_000 });

  await page.getByTestId('model-upload-input').setInputFiles([jsonFile(MODEL_JSON), binFile(WEIGHTS)]);
  await expect(page.getByTestId('model-message')).toContainText('Uploaded');
  await page.getByTestId('model-name').fill('kept');
  await page.getByTestId('model-save').click();
  await expect(item(page, 'kept')).toBeVisible();

  // Leave less room than one more copy of the weights needs.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (await usage()) + 100_000 });
  await page.getByTestId('model-name').fill('too big');
  await page.getByTestId('model-save').click();
  const error = page.getByTestId('model-error');
  await expect(error).toHaveAttribute('data-code', 'quota');
  await expect(error).toContainText('Not enough storage space in this browser to save “too big”; your saved models are unchanged.');
  await expect(page.getByTestId('model-item')).toHaveCount(1);

  // Straight from IndexedDB: one description and one package, both of "kept".
  const stored = await page.evaluate(
    () =>
      new Promise<string[][]>((resolve, reject) => {
        const open = indexedDB.open('convlens-models');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['models', 'packages'], 'readonly');
          const a = tx.objectStore('models').getAllKeys();
          const b = tx.objectStore('packages').getAllKeys();
          tx.oncomplete = () => resolve([a.result.map(String), b.result.map(String)]);
        };
      }),
  );
  expect(stored).toEqual([['kept'], ['kept']]);

  // After a reload the first model is still listed and still loads.
  await openTrainingTab(page);
  await expect(page.getByTestId('model-item')).toHaveCount(1);
  await item(page, 'kept').getByTestId('model-load').click();
  await expect(page.getByTestId('model-message')).toContainText('“kept” is now the model in view');
  await expect(page.locator('.prediction')).toContainText('saved model “kept”');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  expect(problems.errors).toEqual([]);
});
