import type { Page } from '@playwright/test';
import { test, expect, openApp, endRun } from './fixtures';

test('the overfitting preset learns its 100 digits by heart while held-out accuracy stays far behind', async ({ page, problems }) => {
  // Five epochs of 100 digits take about 20 s on a quiet machine; a busy one may take minutes.
  test.setTimeout(360_000);
  await openApp(page);
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-preset').selectOption('overfitting');
  await expect(page.getByTestId('train-examples')).toHaveValue('100');
  await expect(page.getByTestId('train-epochs')).toHaveValue('10');
  await page.getByTestId('train-start').click();
  // The picture is clear after a few of its 10 epochs: read it there and stop, to keep the test short.
  const heldOut = page.getByTestId('train-heldout');
  await expect.poll(async () => Number(await heldOut.getAttribute('data-epoch')), { timeout: 240_000 }).toBeGreaterThanOrEqual(5);
  const train = Number(await heldOut.getAttribute('data-train-accuracy'));
  const held = Number(await heldOut.getAttribute('data-accuracy'));
  expect(train).toBeGreaterThanOrEqual(0.95);
  expect(train - held).toBeGreaterThanOrEqual(0.15);
  await endRun(page);
  expect(problems.errors).toEqual([]);
});

/** Sets every convolution block and dense layer of the architecture editor to one activation. */
async function setActivations(page: Page, activation: string): Promise<void> {
  const blocks = await page.locator('[data-testid^="arch-activation-"]').count();
  for (let i = 0; i < blocks; i++) await page.getByTestId(`arch-activation-${i}`).selectOption(activation);
  const dense = await page.locator('[data-testid^="arch-dense-"]').count();
  for (let i = 0; i < dense; i++) await page.getByTestId(`arch-dense-${i}`).getByLabel('activation').selectOption(activation);
}

/**
 * Trains one short epoch from scratch (16 batches; the chart measures every 5th) and returns, from the gradient chart, conv1's gradient size
 * divided by the logits layer's (geometric means over the measured batches).
 */
async function firstToLastGradient(page: Page): Promise<number> {
  const chart = page.getByTestId('chart-gradients');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 150_000 });
  expect(Number(await chart.getAttribute('data-min-points'))).toBeGreaterThanOrEqual(3);
  const size = async (layer: string) => Number(await chart.locator(`[data-layer="${layer}"]`).getAttribute('data-mean'));
  const [first, last] = [await size('conv1'), await size('logits')];
  expect(first).toBeGreaterThan(0);
  expect(last).toBeGreaterThan(0);
  return first / last;
}

test('the gradient chart shows the vanishing gradient: conv1 gets far less of it with sigmoid than with ReLU', async ({ page, problems }) => {
  // Two short runs of 16 batches; a busy machine may take minutes for each.
  test.setTimeout(420_000);
  await openApp(page);
  await page.getByTestId('tab-training').click();
  // A deeper network: three convolution blocks and a dense layer, on few digits in small batches.
  await page.getByTestId('arch-add-block').click();
  await page.getByTestId('arch-dropout-0').selectOption('0');
  await page.getByTestId('train-examples').selectOption('256');
  await page.getByTestId('train-batch').selectOption('16');
  await page.getByTestId('train-epochs').selectOption('1');
  await expect(page.getByTestId('arch-summary')).toBeVisible();
  await setActivations(page, 'relu');
  const relu = await firstToLastGradient(page);
  await setActivations(page, 'sigmoid');
  const sigmoid = await firstToLastGradient(page);
  // Measured here: about 1 for ReLU, about 0.002 for sigmoid.
  expect(sigmoid).toBeLessThan(relu / 20);
  expect(problems.errors).toEqual([]);
});
