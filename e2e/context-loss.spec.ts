import type { Page } from '@playwright/test';
import { test, expect, drawStroke, expectTensorsBackTo, SEVEN_STROKE } from './fixtures';
import { garbageSeen, loseWebGl, startFineTuning, watchForGarbage } from './contextLoss';

/** Last index of each class in the mnist package: the last 100 of each class are held out. */
const LAST_INDEX = [1000, 1126, 990, 1031, 979, 862, 1013, 1069, 943, 977];

async function pickSample(page: Page, digit: number, index: number): Promise<void> {
  await page.getByTestId(`sample-class-${digit}`).click();
  await page.getByTestId('sample-index').fill(String(index));
  await expect(page.getByTestId('input-source')).toHaveText(`MNIST digit ${digit}, number ${index}`);
}

/*
 * A run on the page itself (the fallback without a Worker) trains the model that lived on the
 * lost context: it stops. A run in the worker goes on (context-loss-worker.spec.ts).
 */
test(`losing the GPU mid-training on the page: stops cleanly on the CPU, keeps the last epoch's weights, never shows garbage`, async ({ page, problems }) => {
  test.setTimeout(180_000);
  const baseline = await startFineTuning(page, 'page');
  const prediction = page.getByTestId('prediction');
  const progress = page.getByTestId('train-progress');
  await expect(page.getByTestId('train-heldout')).toBeVisible({ timeout: 90_000 });
  const heldOut = Number(await page.getByTestId('train-heldout').getAttribute('data-accuracy'));
  expect(heldOut).toBeGreaterThan(0.9);
  await expect(progress).toHaveAttribute('data-phase', 'running');

  await watchForGarbage(page);
  expect(await loseWebGl(page)).toBeGreaterThan(0);

  // The user is told, the backend is the CPU, and the run has stopped: nothing is stuck.
  await expect(page.getByTestId('context-lost-notice')).toBeVisible();
  await expect(page.getByTestId('context-lost-notice')).toHaveAttribute('data-kept-epoch', /^[1-9]\d*$/);
  await expect(page.getByTestId('context-lost-notice')).toHaveAttribute('data-run', 'stopped');
  await expect(page.getByTestId('context-lost-notice')).toContainText('CPU');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'cpu');
  await expect(page.getByTestId('backend-notice')).toHaveCount(1);
  await expect(progress).toHaveAttribute('data-phase', 'stopped');
  await expect(page.getByTestId('train-start')).toBeEnabled();
  await expect(page.getByTestId('train-stop')).toBeDisabled();
  await expect(page.getByTestId('show-trained')).toHaveAttribute('aria-pressed', 'true');

  // The trained model kept its last good weights: held-out digits are still recognised.
  let right = 0;
  for (let digit = 0; digit <= 9; digit++) {
    await pickSample(page, digit, LAST_INDEX[digit]);
    await expect(prediction).toHaveAttribute('data-up-to-date', 'true');
    await expect(prediction).not.toHaveAttribute('data-digit', '');
    if ((await prediction.getAttribute('data-digit')) === String(digit)) right++;
  }
  expect(right).toBeGreaterThanOrEqual(9);
  const confidence = Number(await prediction.getAttribute('data-confidence'));
  expect(confidence).toBeGreaterThan(0.5);
  expect(confidence).toBeLessThanOrEqual(1);

  // The network view shows the restored model; drawing still updates the prediction.
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('layer-softmax')).toHaveAttribute('data-shape', '10');
  await page.getByTestId('clear').click();
  await expect(prediction).toHaveAttribute('data-digit', '');
  await drawStroke(page, SEVEN_STROKE);
  await expect(prediction).toHaveAttribute('data-digit', '7');
  await expect(prediction).toHaveAttribute('data-up-to-date', 'true');

  expect(await garbageSeen(page)).toEqual([]);

  // Every tensor of the lost GPU was let go: after a reset only the pretrained model is left.
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('show-trained')).toHaveCount(0);
  await expectTensorsBackTo(page, baseline);
  expect(problems.errors).toEqual([]);
});

test(`losing the GPU before the first epoch ends on the page: the unsaved model is dropped, the pretrained one carries on`, async ({ page, problems }) => {
  test.setTimeout(120_000);
  // 3,000 digits: an epoch lasts well past the loss.
  const baseline = await startFineTuning(page, 'page', { examples: 3000 });
  const progress = page.getByTestId('train-progress');
  await expect.poll(async () => Number(await progress.getAttribute('data-examples')), { timeout: 60_000 }).toBeGreaterThan(0);
  await watchForGarbage(page);
  expect(await loseWebGl(page)).toBeGreaterThan(0);

  const notice = page.getByTestId('context-lost-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('data-kept-epoch', '');
  await expect(notice).toHaveAttribute('data-run', 'stopped');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'cpu');
  await expect(progress).toHaveAttribute('data-phase', 'stopped');
  await expect(page.getByTestId('train-start')).toBeEnabled();
  await expect(page.getByTestId('show-trained')).toHaveCount(0);
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveAttribute('data-digit', '2');
  await expect(prediction).toHaveAttribute('data-up-to-date', 'true');
  await expectTensorsBackTo(page, baseline);
  expect(await garbageSeen(page)).toEqual([]);
  expect(problems.errors).toEqual([]);
});
