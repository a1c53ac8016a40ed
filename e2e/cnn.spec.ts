import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp, drawStroke, stableTensorCount } from './fixtures';

/** Counts per class of the mnist package: the last 100 of each class are held out. */
const CLASS_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
const STROKES = JSON.parse(readFileSync(new URL('./data/strokes.json', import.meta.url), 'utf8')) as {
  cases: { digit: number; variant: string; strokes: [number, number][][] }[];
};

/** Opens the app and waits for the first CNN prediction (SwiftShader compiles shaders first). */
async function openWithModel(page: Page) {
  await openApp(page);
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 30_000 });
}

test('the pretrained CNN predicts the default "2" on WebGL, and the backend is named', async ({ page, problems }) => {
  await openWithModel(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgl');
  expect(await page.evaluate(() => document.querySelector('[data-testid="backend"]')?.textContent)).toContain('webgl');
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveAttribute('data-digit', '2');
  expect(Number(await prediction.getAttribute('data-confidence'))).toBeGreaterThan(0.5);
  await expect(prediction).toContainText('2');
  await expect(page.getByTestId('softmax-bars').locator('g[data-digit="2"]')).toHaveAttribute('data-probability', /0\.[5-9]|1\.0/);
  expect(problems.errors).toEqual([]);
});

test('held-out digits of every class are predicted right', async ({ page }) => {
  await openWithModel(page);
  for (let digit = 0; digit <= 9; digit++) {
    await page.getByTestId(`sample-class-${digit}`).click();
    await page.getByTestId('sample-index').fill(String(CLASS_COUNTS[digit] - 1));
    await expect(page.getByTestId('input-source')).toHaveText(`MNIST digit ${digit}, number ${CLASS_COUNTS[digit] - 1}`);
    await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', String(digit));
  }
});

test('an empty pad predicts nothing; a drawing updates the prediction after each stroke', async ({ page }) => {
  await openWithModel(page);
  await page.getByTestId('clear').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '');
  await drawStroke(page, [[0.3, 0.2], [0.7, 0.2], [0.45, 0.85]]);
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '7');
});

test('scripted hand-drawn digits: at least 38 of 40 are recognised', async ({ page }) => {
  test.setTimeout(240_000);
  await openWithModel(page);
  const wrong: string[] = [];
  for (const c of STROKES.cases) {
    await page.getByTestId('clear').click();
    await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '');
    for (const stroke of c.strokes) await drawStroke(page, stroke, 1);
    const prediction = page.getByTestId('prediction');
    await expect(prediction).not.toHaveAttribute('data-digit', '');
    // Wait until the shown prediction belongs to the finished drawing.
    await expect(prediction).toHaveAttribute('data-up-to-date', 'true');
    const digit = Number(await prediction.getAttribute('data-digit'));
    if (digit !== c.digit) wrong.push(`${c.digit} ${c.variant} -> ${digit}`);
  }
  console.log(`scripted strokes: ${STROKES.cases.length - wrong.length}/${STROKES.cases.length} right`, wrong);
  expect(STROKES.cases.length).toBe(40);
  expect(wrong.length, wrong.join(', ')).toBeLessThanOrEqual(2);
});

test('every layer is shown with its shape, and the tensor count returns to baseline after 50 predictions', async ({ page, problems }) => {
  await openWithModel(page);
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('layer-conv1')).toHaveAttribute('data-shape', '26x26x16');
  await expect(page.getByTestId('layer-conv1_relu')).toBeVisible();
  await expect(page.getByTestId('layer-pool1')).toHaveAttribute('data-shape', '13x13x16');
  await expect(page.getByTestId('layer-pool2')).toBeVisible();
  await expect(page.getByTestId('layer-dense1')).toBeVisible();
  await expect(page.getByTestId('layer-softmax')).toHaveAttribute('data-shape', '10');
  await expect(page.getByTestId('layer-conv1').locator('canvas')).toHaveCount(16);
  const baseline = await stableTensorCount(page);
  for (let i = 0; i < 50; i++) {
    await page.getByTestId(`sample-class-${i % 10}`).click();
    await page.getByTestId('sample-index').fill(String(i));
  }
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '9');
  expect(await stableTensorCount(page)).toBe(baseline);
  expect(problems.errors).toEqual([]);
});

test('training in the browser: loss on a fixed set of 256 digits falls within 20 steps, and stop + reset free every tensor', async ({ page, problems }) => {
  test.setTimeout(300_000);
  await openWithModel(page);
  const baseline = await stableTensorCount(page);
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-examples').selectOption('256');
  // 5 epochs of 4 batches of 64: 20 steps over the same 256 digits.
  await page.getByTestId('train-batch').selectOption('64');
  await page.getByTestId('train-epochs').selectOption('5');
  await page.getByTestId('train-start').click();
  const progress = page.getByTestId('train-progress');
  await expect(progress).toHaveAttribute('data-phase', 'finished', { timeout: 240_000 });
  const chart = page.getByTestId('chart-loss');
  const first = Number(await chart.getAttribute('data-first'));
  const last = Number(await chart.getAttribute('data-last'));
  console.log(`loss on the fixed 256 digits: ${first.toFixed(3)} -> ${last.toFixed(3)} after 20 steps`);
  expect(last).toBeLessThan(first * 0.7);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgl');
  // The trained model is in view; the pretrained one can be restored.
  await expect(page.getByTestId('show-trained')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('show-pretrained').click();
  await expect(page.getByTestId('show-pretrained')).toHaveAttribute('aria-pressed', 'true');

  // A second run, stopped halfway, then reset: the tensor count is back to the baseline.
  await page.getByTestId('train-examples').selectOption('3000');
  await page.getByTestId('train-batch').selectOption('32');
  await page.getByTestId('train-epochs').selectOption('1');
  await page.getByTestId('train-start').click();
  await expect(progress).toHaveAttribute('data-phase', 'running');
  await expect.poll(async () => Number(await progress.getAttribute('data-examples'))).toBeGreaterThan(200);
  await page.getByTestId('train-pause').click();
  await expect(progress).toHaveAttribute('data-phase', 'paused');
  await page.getByTestId('train-resume').click();
  await expect(progress).toHaveAttribute('data-phase', 'running');
  await page.getByTestId('train-stop').click();
  await expect(progress).toHaveAttribute('data-phase', 'stopped');
  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('show-trained')).toHaveCount(0);
  expect(await stableTensorCount(page)).toBe(baseline);
  expect(problems.errors).toEqual([]);
});
