import type { Page } from '@playwright/test';
import { test, expect, openApp, settledValue, stableTensorCount, waitForNetwork } from './fixtures';
import { expectComputePath } from './tensorChecks';

/** The worker's live tensor count as the training panel shows it. */
async function workerTensors(page: Page): Promise<number> {
  const text = await page.getByTestId('worker-tensors').getAttribute('data-count');
  expect(text, 'the worker has reported its tensor count').not.toBe('');
  return Number(text);
}

/** The class-demo network from scratch, seed 1, `epochs` epochs on `digits` digits. */
async function startRun(page: Page, digits: number, epochs: number): Promise<void> {
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-preset').selectOption('class-demo');
  await page.getByTestId('train-examples').selectOption(String(digits));
  await page.getByTestId('train-epochs').selectOption(String(epochs));
  await page.getByTestId('train-seed').fill('1');
  await page.getByTestId('train-start').click();
}

/** The loss chart's values (one per batch) once the run has finished. */
async function finishedLosses(page: Page): Promise<number[]> {
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 150_000 });
  const values = ((await page.getByTestId('chart-loss-series-0').getAttribute('data-values')) ?? '').split(',').map(Number);
  expect(values.every(Number.isFinite)).toBe(true);
  return values;
}

/** The speed the progress line shows, in digits per second. */
async function shownRate(page: Page): Promise<number> {
  const match = /([\d,]+) digits\/s/.exec((await page.getByTestId('train-progress').textContent()) ?? '');
  return match ? Number(match[1].replaceAll(',', '')) : NaN;
}

test('training runs in a worker on WebAssembly: it learns, the maps and the softmax follow it from plain copies, a seeded run repeats, and nothing leaks', async ({
  page,
  problems,
}) => {
  test.setTimeout(420_000);
  await openApp(page);
  await waitForNetwork(page);
  const baseline = await stableTensorCount(page);
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-backend', '');

  // A long run first (wasm is quick: 20 epochs of 9,000 digits take minutes), to look at it while it trains.
  await startRun(page, 9000, 20);
  const backend = page.getByTestId('train-backend');
  await expect(backend).toHaveAttribute('data-backend', 'wasm', { timeout: 60_000 });
  await expect(backend).toHaveAttribute('data-in-worker', 'true');
  await expect(backend).toContainText('WebAssembly');
  const workerStart = await workerTensors(page);
  const progress = page.getByTestId('train-progress');
  await expect.poll(async () => Number(await progress.getAttribute('data-examples')), { timeout: 60_000 }).toBeGreaterThanOrEqual(320);
  const rate = await shownRate(page);
  test.info().annotations.push({ type: 'rate', description: `${rate} digits/s shown while training in the worker` });
  expect(rate).toBeGreaterThan(0);
  // The charts follow the batches without re-rendering the run's settings beside them (nor do
  // the weights the maps follow, a few times a second).
  const settingsColumn = page.getByTestId('train-settings-column');
  const settingsRenders = await settingsColumn.getAttribute('data-renders');
  const lossPoints = async () => ((await page.getByTestId('chart-loss-series-0').getAttribute('data-values')) ?? '').split(',').length;
  const pointsBefore = await lossPoints();
  await expect.poll(lossPoints, { timeout: 30_000 }).toBeGreaterThan(pointsBefore + 20);
  expect(await settingsColumn.getAttribute('data-renders')).toBe(settingsRenders);

  // While it trains, the maps come from the plain copy of the latest weights, and change with them.
  await expectComputePath(page, 'plain');
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'running');
  const prediction = page.getByTestId('prediction');
  const before = await prediction.getAttribute('data-confidence');
  await expect.poll(() => prediction.getAttribute('data-confidence'), { timeout: 30_000 }).not.toBe(before);
  // So does the worked softmax under the layers, once scrolled into view: it changes twice (the
  // first change may be its catching up with the weights of the moment).
  await page.getByTestId('tab-network').click();
  const workedLoss = page.getByTestId('loss-value');
  await workedLoss.scrollIntoViewIfNeeded();
  for (let change = 0; change < 2; change++) {
    const shown = await workedLoss.getAttribute('data-loss');
    await expect.poll(() => workedLoss.getAttribute('data-loss'), { message: 'the worked softmax follows the run', timeout: 30_000 }).not.toBe(shown);
  }
  await expectComputePath(page, 'plain');
  // The page's tfjs holds the pretrained model and the model in view, and nothing grows while the worker trains.
  const whileTraining = await stableTensorCount(page);
  expect(whileTraining).toBeGreaterThan(baseline);

  // Pause: no digit goes by; resume: they do again.
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-pause').click();
  await expect(progress).toHaveAttribute('data-phase', 'paused');
  const pausedAt = await settledValue(async () => Number(await progress.getAttribute('data-examples')), 'the digits seen while paused', { agree: 4 });
  await page.getByTestId('train-resume').click();
  await expect(progress).toHaveAttribute('data-phase', 'running');
  await expect.poll(async () => Number(await progress.getAttribute('data-examples')), { timeout: 60_000 }).toBeGreaterThan(pausedAt);
  expect(Number(await page.getByTestId('tensor-count').getAttribute('data-count'))).toBe(whileTraining);

  // Stop: the run ends as stopped, its weights stay in view, and the worker frees everything.
  await page.getByTestId('train-stop').click();
  await expect(progress).toHaveAttribute('data-phase', 'stopped', { timeout: 60_000 });
  await expect(page.getByTestId('show-trained')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => workerTensors(page)).toBe(workerStart);
  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('show-trained')).toHaveCount(0);
  expect(await stableTensorCount(page)).toBe(baseline);

  // A short seeded run learns, and repeats exactly.
  await startRun(page, 3000, 1);
  const first = await finishedLosses(page);
  const firstAccuracy = await page.getByTestId('train-heldout').getAttribute('data-accuracy');
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const [early, late] = [mean(first.slice(0, 3)), mean(first.slice(-3))];
  test.info().annotations.push({ type: 'loss', description: `first three batches ${early.toFixed(3)}, last three ${late.toFixed(3)}` });
  expect(first.length).toBeGreaterThanOrEqual(6);
  expect(late).toBeLessThan(early / 2);
  expect(Number(firstAccuracy)).toBeGreaterThan(0.6);
  await expect.poll(() => workerTensors(page)).toBe(workerStart);
  await page.getByTestId('train-reset').click();
  expect(await stableTensorCount(page)).toBe(baseline);

  await startRun(page, 3000, 1);
  expect(await finishedLosses(page)).toEqual(first);
  await expect(page.getByTestId('train-heldout')).toHaveAttribute('data-accuracy', firstAccuracy ?? 'missing');
  await expect.poll(() => workerTensors(page)).toBe(workerStart);
  // After the run the page's model holds the worker's final weights: the maps come from its plain copy again.
  await expectComputePath(page, 'plain');
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-reset').click();
  expect(await stableTensorCount(page)).toBe(baseline);
  expect(await workerTensors(page)).toBe(workerStart);
  expect(problems.errors).toEqual([]);
});
