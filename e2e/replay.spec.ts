import type { Locator, Page } from '@playwright/test';
import { test, expect, expectTensorsBackTo, openApp, stableTensorCount, waitForNetwork } from './fixtures';

const numbers = (text: string | null) => (text ?? '').split(',').filter(Boolean).map(Number);

/** What the replay shows: which snapshot, the loss marker's place, the kernels and the prediction. */
async function shown(page: Page) {
  const replay = page.getByTestId('training-replay');
  const marker = page.getByTestId('loss-marker');
  return {
    snapshot: Number(await replay.getAttribute('data-snapshot')),
    examples: Number(await replay.getAttribute('data-examples')),
    markerX: Number(await marker.getAttribute('data-x')),
    markerPx: Number(await marker.getAttribute('data-px')),
    kernels: numbers(await page.getByTestId('replay-kernels').getAttribute('data-values')),
    kernelSize: Number(await page.getByTestId('replay-kernels').getAttribute('data-abs-sum')),
    probabilities: numbers(await page.getByTestId('replay-prediction').getAttribute('data-probabilities')),
  };
}

/** The probabilities of the prediction card beside the pad (the page's plain pass of the model in view). */
async function cardProbabilities(bars: Locator): Promise<number[]> {
  return bars.locator('g[data-probability]').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-probability'))));
}

test('training replayed: a run in the worker keeps its snapshots within the stated bound; the scrubber moves the loss marker, the kernels and the prediction; Reset drops them', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  await waitForNetwork(page);
  const baseline = await stableTensorCount(page);
  await page.getByTestId('tab-training').click();
  const replay = page.getByTestId('training-replay');
  await expect(page.getByTestId('replay-empty')).toBeVisible();
  await expect(replay).toHaveAttribute('data-snapshots', '0');

  // The class-demo network, 2 epochs of 1,000 digits in batches of 32: 32 batches an epoch,
  // snapshots after batches 1, 2, 4, 8 and 16 and at the end of both epochs.
  await page.getByTestId('train-preset').selectOption('class-demo');
  await page.getByTestId('train-examples').selectOption('1000');
  await page.getByTestId('train-epochs').selectOption('2');
  await page.getByTestId('train-seed').fill('1');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 150_000 });
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-in-worker', 'true');
  await expect(replay).toHaveAttribute('data-snapshots', '7');

  const memory = page.getByTestId('replay-memory');
  await expect(memory).toHaveAttribute('data-count', '7');
  const bytes = Number(await memory.getAttribute('data-bytes'));
  const limit = Number(await memory.getAttribute('data-limit'));
  expect(limit).toBe(20_000_000);
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThanOrEqual(limit);
  await expect(memory).toContainText('7 snapshots');
  await expect(memory).toContainText('of at most 20\u00a0MB');

  // After the run the scrubber is on the newest snapshot, the end of epoch 2: the weights the
  // run ended with, which the prediction card beside the pad shows through the page's plain pass.
  const last = await shown(page);
  expect(last.snapshot).toBe(6);
  expect(last.markerX).toBe(2000);
  await expect(replay).toHaveAttribute('data-epoch', '2');
  const card = await cardProbabilities(page.getByTestId('softmax-bars'));
  expect(card).toHaveLength(10);
  last.probabilities.forEach((p, d) => expect(Math.abs(p - card[d]), `digit ${d}`).toBeLessThanOrEqual(6e-5));

  // The keyboard takes the scrubber to the first snapshot, after batch 1 (32 digits).
  const scrubber = page.getByTestId('replay-scrubber');
  await scrubber.focus();
  await page.keyboard.press('Home');
  await expect(replay).toHaveAttribute('data-snapshot', '0');
  const first = await shown(page);
  expect(first.examples).toBe(32);
  expect(first.markerX).toBe(32);
  expect(first.markerPx).toBeLessThan(last.markerPx);
  await expect(replay).toHaveAttribute('data-batch', '1');
  expect(first.kernels).toHaveLength(9);
  expect(first.kernels).not.toEqual(last.kernels);
  expect(first.kernelSize).not.toBe(last.kernelSize);
  const change = Math.max(...first.probabilities.map((p, d) => Math.abs(p - last.probabilities[d])));
  expect(change).toBeGreaterThan(0.01);
  await expect(page.getByTestId('replay-where')).toContainText('epoch 1, after batch 1 of 32');

  // A step on with the button and one with the arrow key: batches 2 and 4.
  await page.getByTestId('replay-next').click();
  await expect(replay).toHaveAttribute('data-examples', '64');
  await expect(page.getByTestId('loss-marker')).toHaveAttribute('data-x', '64');
  await scrubber.focus();
  await page.keyboard.press('ArrowRight');
  await expect(replay).toHaveAttribute('data-batch', '4');
  await expect(page.getByTestId('loss-marker')).toHaveAttribute('data-x', '128');
  const fourth = await shown(page);
  expect(fourth.markerPx).toBeGreaterThan(first.markerPx);
  expect(fourth.probabilities).not.toEqual(first.probabilities);

  // The replay view downloads as a PNG named after its place in the run.
  const download = page.waitForEvent('download');
  await replay.getByTestId('export-png').click();
  expect((await download).suggestedFilename()).toBe('convlens-replay-epoch-1-batch-4.png');

  // Reset drops the trained network and its snapshots, and the marker goes with them.
  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('replay-empty')).toBeVisible();
  await expect(replay).toHaveAttribute('data-snapshots', '0');
  await expect(page.getByTestId('loss-marker')).toHaveCount(0);
  await expectTensorsBackTo(page, baseline);
});

test('training replayed on the page (no worker), for a network without a dense layer: the snapshots come from the loop itself, and the newest is the model the page shows', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => localStorage.setItem('convlens.training', 'page'));
  await openApp(page);
  await waitForNetwork(page);
  const baseline = await stableTensorCount(page);
  await page.getByTestId('tab-training').click();
  // The class-demo network without its dense layer, 1 epoch of 256 digits: 8 batches of 32,
  // snapshots after batches 1, 2 and 4 and at the end.
  await page.getByTestId('train-preset').selectOption('class-demo');
  await page.getByTestId('arch-dense-0').getByRole('button').click();
  await expect(page.getByTestId('arch-dense-0')).toHaveCount(0);
  await page.getByTestId('train-examples').selectOption('256');
  await page.getByTestId('train-epochs').selectOption('1');
  await page.getByTestId('train-seed').fill('2');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 100_000 });
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-in-worker', 'false');
  const replay = page.getByTestId('training-replay');
  await expect(replay).toHaveAttribute('data-snapshots', '4');
  await expect(page.getByTestId('replay-memory')).toContainText('4 snapshots');
  const last = await shown(page);
  expect(last.markerX).toBe(256);
  const card = await cardProbabilities(page.getByTestId('softmax-bars'));
  last.probabilities.forEach((p, d) => expect(Math.abs(p - card[d]), `digit ${d}`).toBeLessThanOrEqual(6e-5));
  await page.getByTestId('replay-scrubber').focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('loss-marker')).toHaveAttribute('data-x', '32');
  const first = await shown(page);
  expect(first.probabilities).not.toEqual(last.probabilities);
  await page.getByTestId('train-reset').click();
  await expect(replay).toHaveAttribute('data-snapshots', '0');
  await expectTensorsBackTo(page, baseline);
});
