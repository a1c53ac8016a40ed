import type { Page } from '@playwright/test';
import { test, expect, openApp, expectTensorsBackTo, stableTensorCount } from './fixtures';

/** How many times each interruption is repeated: 2 within `npm test`, 10 in `npm run soak`. */
const ROUNDS = Number(process.env.INTERRUPTION_ROUNDS ?? 2);

async function openTraining(page: Page): Promise<void> {
  await openApp(page);
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 30_000 });
  await page.getByTestId('tab-training').click();
  await setLongRun(page);
  await page.getByTestId('train-epochs').selectOption('20');
}

/**
 * Runs far longer than any test waits (9,000 digits, 20 epochs): the training worker is quick
 * enough to finish a short run before a click on Stop or Pause lands, and every run here is
 * interrupted.
 */
async function setLongRun(page: Page): Promise<void> {
  await page.getByTestId('train-examples').selectOption('9000');
  await page.getByTestId('train-batch').selectOption('32');
}

/** Starts a run and waits until it has trained on at least one batch. */
async function startAndWaitForBatches(page: Page): Promise<void> {
  const progress = page.getByTestId('train-progress');
  await page.getByTestId('train-start').click();
  await expect(progress).toHaveAttribute('data-phase', 'running');
  await expect.poll(async () => Number(await progress.getAttribute('data-examples')), { timeout: 60_000 }).toBeGreaterThan(0);
}

/** The controls are idle again: start enabled, stop and pause disabled, the architecture editable. */
async function expectIdle(page: Page, phase: string): Promise<void> {
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', phase);
  await expect(page.getByTestId('train-start')).toBeEnabled();
  await expect(page.getByTestId('train-stop')).toBeDisabled();
  await expect(page.getByTestId('train-pause')).toBeDisabled();
  await expect(page.getByTestId('arch-filters-0')).toBeEnabled();
}

test('stopping, resetting, pausing and changing the architecture mid-training, over and over, leak nothing and never stick', async ({ page, problems }) => {
  test.setTimeout(60_000 + ROUNDS * 60_000);
  await openTraining(page);
  const baseline = await stableTensorCount(page);
  const filters = ['8', '16'];

  for (let round = 0; round < ROUNDS; round++) {
    // Start, then stop at once (the run is still being set up).
    await page.getByTestId('train-start').click();
    await page.getByTestId('train-stop').click();
    await expectIdle(page, 'stopped');

    // Start, train a little, stop, reset: everything the run made is freed.
    await startAndWaitForBatches(page);
    await expect(page.getByTestId('arch-filters-0')).toBeDisabled();
    await page.getByTestId('train-stop').click();
    await expectIdle(page, 'stopped');
    await page.getByTestId('train-reset').click();
    await expect(page.getByTestId('show-trained')).toHaveCount(0);
    await expectTensorsBackTo(page, baseline);

    // Start, pause, stop while paused; then change the architecture and start again.
    await startAndWaitForBatches(page);
    await page.getByTestId('train-pause').click();
    await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'paused');
    await page.getByTestId('train-stop').click();
    await expectIdle(page, 'stopped');
    await page.getByTestId('arch-filters-0').selectOption(filters[round % 2]);
    await startAndWaitForBatches(page);
    await expect(page.getByTestId('show-trained')).toHaveAttribute('aria-pressed', 'true');
    // Switching the model in view during training is harmless.
    await page.getByTestId('show-pretrained').click();
    await page.getByTestId('show-trained').click();
    await page.getByTestId('train-stop').click();
    await expectIdle(page, 'stopped');
    await page.getByTestId('train-reset').click();
    await expect(page.getByTestId('show-trained')).toHaveCount(0);
    await expect(page.getByTestId('prediction')).toHaveAttribute('data-up-to-date', 'true');
    await expectTensorsBackTo(page, baseline);
  }
  expect(problems.errors).toEqual([]);
});

test('reloading the page mid-training, over and over, comes back idle with no errors', async ({ page, problems }) => {
  test.setTimeout(60_000 + ROUNDS * 60_000);
  await openTraining(page);
  const baseline = await stableTensorCount(page);
  for (let round = 0; round < ROUNDS; round++) {
    await startAndWaitForBatches(page);
    await page.reload();
    await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 30_000 });
    await page.getByTestId('tab-training').click();
    await expectIdle(page, 'idle');
    await expect(page.getByTestId('show-trained')).toHaveCount(0);
    await expectTensorsBackTo(page, baseline);
    await setLongRun(page);
  }
  expect(problems.errors).toEqual([]);
});
