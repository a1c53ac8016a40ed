import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp, drawStroke, expectTensorsBackTo, SEVEN_STROKE } from './fixtures';
import { expectComputePath, pauseRun, quietTensorCount, resumeRun, settled, startLongRun, stopAndReset, trainOnThePage } from './tensorChecks';

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

/**
 * Picks MNIST digit number i of class i mod 10 for i = 0 .. count - 1 (`count` input
 * changes, each a new pass of the network) and waits for the last one's maps.
 */
async function predictSamples(page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await page.getByTestId(`sample-class-${i % 10}`).click();
    await page.getByTestId('sample-index').fill(String(i));
  }
  const last = count - 1;
  await expect(page.getByTestId('input-source')).toHaveText(`MNIST digit ${last % 10}, number ${last}`);
  await settled(page);
}

test('the pretrained CNN predicts the default "2" in plain JavaScript, and the status bar names WebGL as the tfjs backend', async ({ page, problems }) => {
  await openWithModel(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgl');
  expect(await page.evaluate(() => document.querySelector('[data-testid="backend"]')?.textContent)).toContain('webgl');
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveAttribute('data-digit', '2');
  expect(Number(await prediction.getAttribute('data-confidence'))).toBeGreaterThan(0.5);
  await expect(prediction).toContainText('2');
  await expect(page.getByTestId('softmax-bars').locator('g[data-digit="2"]')).toHaveAttribute('data-probability', /0\.[5-9]|1\.0/);
  // The single digit's pass is the shipped model's plain-JavaScript copy, not tfjs on WebGL.
  await expectComputePath(page, 'plain');
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
  await drawStroke(page, SEVEN_STROKE);
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

test('every layer is shown with its shape; 50 predictions in plain JavaScript leave the tensor count at its baseline', async ({ page, problems }) => {
  await openWithModel(page);
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('layer-conv1')).toHaveAttribute('data-shape', '26x26x16');
  await expect(page.getByTestId('layer-conv1_relu')).toBeVisible();
  await expect(page.getByTestId('layer-pool1')).toHaveAttribute('data-shape', '13x13x16');
  await expect(page.getByTestId('layer-pool2')).toBeVisible();
  await expect(page.getByTestId('layer-dense1')).toBeVisible();
  await expect(page.getByTestId('layer-softmax')).toHaveAttribute('data-shape', '10');
  // One canvas per layer, with one element per channel over it.
  await expect(page.getByTestId('layer-conv1').locator('[data-channel]')).toHaveCount(16);
  await expect(page.getByTestId('layer-conv1').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('channel-conv1-16').getByRole('img')).toHaveAccessibleName(/conv1, channel 16, 26 × 26/);
  const baseline = await quietTensorCount(page);
  await predictSamples(page, 50);
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '9');
  // The shipped model's maps come from its plain copy: tfjs is not even asked.
  await expectComputePath(page, 'plain');
  await expectTensorsBackTo(page, baseline);
  expect(problems.errors).toEqual([]);
});

/**
 * While the model in view trains on the page (the fallback without a Worker), its maps come from tfjs: 20 predictions, through
 * every kind of layer of the shipped network being fine-tuned, must free every tensor they
 * make. The run's own tensors (model and optimiser state) are the same at every pause, so the
 * count is compared between pauses, and with the baseline once the run is stopped and reset.
 */
test('while the CNN is fine-tuned on WebGL, 20 predictions through tfjs leak no tensors, and stop + reset give the baseline back', async ({
  page,
  problems,
}) => {
  test.setTimeout(480_000);
  await trainOnThePage(page);
  await openWithModel(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgl', { timeout: 60_000 });
  const baseline = await quietTensorCount(page);
  await startLongRun(page, 'fine-tune');
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-backend', 'webgl');
  await pauseRun(page);
  await expectComputePath(page, 'tfjs');
  await expect(page.getByTestId('layer-pool2')).toBeVisible();
  await expect(page.getByTestId('layer-dense1')).toBeVisible();
  // The trained model's first passes (its probe is built) happen before the reference count.
  await predictSamples(page, 3);
  const paused = await quietTensorCount(page);
  expect(paused, 'the paused run holds its model and optimiser state').toBeGreaterThan(baseline);

  await predictSamples(page, 20);
  await expectComputePath(page, 'tfjs');
  await expectTensorsBackTo(page, paused);

  // A few while the run goes on (the whole network trains slowly on SwiftShader), then a pause at another step.
  await resumeRun(page);
  await page.getByTestId('tab-network').click();
  for (const digit of [3, 5, 8]) {
    await page.getByTestId(`sample-class-${digit}`).click();
    await settled(page, 60_000);
  }
  await expectComputePath(page, 'tfjs');
  await pauseRun(page);
  await expectTensorsBackTo(page, paused);

  await stopAndReset(page);
  await expectTensorsBackTo(page, baseline);
  await expectComputePath(page, 'plain');
  await expect(page.getByTestId('backend'), 'tfjs ran on WebGL throughout').toHaveAttribute('data-backend', 'webgl');
  expect(problems.errors).toEqual([]);
});

test('training in the browser: loss on a fixed set of 256 digits falls within 20 steps, and stop + reset free every tensor', async ({ page, problems }) => {
  // 20 steps of the whole network take minutes on SwiftShader when the machine is busy.
  test.setTimeout(540_000);
  await openWithModel(page);
  const baseline = await quietTensorCount(page);
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-examples').selectOption('256');
  // 5 epochs of 4 batches of 64: 20 steps over the same 256 digits.
  await page.getByTestId('train-batch').selectOption('64');
  await page.getByTestId('train-epochs').selectOption('5');
  await page.getByTestId('train-start').click();
  const progress = page.getByTestId('train-progress');
  await expect(progress).toHaveAttribute('data-phase', 'finished', { timeout: 420_000 });
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

  // A second run, stopped halfway, then reset: the tensor count is back to the baseline. All
  // 9,000 digits five times, so the run outlasts the pause and the stop in the worker too (wasm is quick).
  await page.getByTestId('train-examples').selectOption('9000');
  await page.getByTestId('train-batch').selectOption('32');
  await page.getByTestId('train-epochs').selectOption('5');
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
  await expectTensorsBackTo(page, baseline);
  expect(problems.errors).toEqual([]);
});
