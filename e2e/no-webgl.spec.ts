import { CHROMIUM_ARGS } from '../playwright.config';
import { test, expect, openApp, onCounts, drawStroke, SEVEN_STROKE } from './fixtures';

// Chromium without any GPU or software rasteriser has no WebGL at all.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS.filter((a) => !a.includes('swiftshader')), '--disable-gpu', '--disable-software-rasterizer'],
  },
});

test('without WebGL, ConvLens runs on the CPU, says so once, and everything works', async ({ page, problems }) => {
  test.setTimeout(180_000);
  await openApp(page);
  expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl2') === null)).toBe(true);
  expect(await onCounts(page)).toEqual([153, 134, 116, 131]);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'cpu');
  await expect(page.getByTestId('backend-notice')).toHaveCount(1);
  await expect(page.getByTestId('backend-notice')).toContainText('CPU');
  // Said once: one notice, and no lost-GPU alert (there never was a GPU to lose).
  await expect(page.getByTestId('context-lost-notice')).toHaveCount(0);
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '2', { timeout: 60_000 });
  await page.getByTestId('clear').click();
  await drawStroke(page, SEVEN_STROKE);
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '7');
  expect((await onCounts(page)).some((c) => c > 0)).toBe(true);
  // A short training run learns on the CPU too: the class-demo network and settings, cut to
  // 3,000 digits and one epoch so the run stays short.
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-preset').selectOption('class-demo');
  await page.getByTestId('train-examples').selectOption('3000');
  await page.getByTestId('train-epochs').selectOption('1');
  // A fixed seed makes the run the same every time (weights, order, batches): one batch's loss
  // is a noisy measure, and a random run could land on an unlucky last batch.
  await page.getByTestId('train-seed').fill('1');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 150_000 });
  await expect(page.getByTestId('train-heldout')).toBeVisible();
  await expect(page.getByTestId('backend-notice')).toHaveCount(1);
  await expect(page.getByTestId('context-lost-notice')).toHaveCount(0);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'cpu');
  // The page has no WebGL, and the run trained in the worker on WebAssembly all the same.
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-in-worker', 'true');
  // The training loss fell, and the held-out accuracy is far above chance (10 %).
  // One batch is a noisy measure of the loss: compare the mean of the first three batches shown
  // with the mean of the last three.
  const losses = ((await page.getByTestId('chart-loss-series-0').getAttribute('data-values')) ?? '').split(',').map(Number);
  expect(losses.length).toBeGreaterThanOrEqual(6);
  expect(losses.every(Number.isFinite)).toBe(true);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const [early, late] = [mean(losses.slice(0, 3)), mean(losses.slice(-3))];
  test.info().annotations.push({ type: 'loss', description: `first three batches ${early.toFixed(3)}, last three ${late.toFixed(3)}` });
  expect(late).toBeLessThan(early / 2);
  expect(Number(await page.getByTestId('train-heldout').getAttribute('data-accuracy'))).toBeGreaterThan(0.6);
  await expect(page.getByTestId('train-last-seed')).toHaveAttribute('data-seed', '1');
  expect(problems.errors).toEqual([]);
});
