import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, waitForNetwork } from './fixtures';

/**
 * A short run of the class-demo network from scratch, one epoch of 500 digits; notes how long
 * the worker took from Start to its first batch (the backend trial, when there is one, included).
 */
async function shortRun(page: Page, what: string): Promise<void> {
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-preset').selectOption('class-demo');
  await page.getByTestId('train-examples').selectOption('500');
  await page.getByTestId('train-epochs').selectOption('1');
  await page.getByTestId('train-seed').fill('1');
  const start = Date.now();
  await page.getByTestId('train-start').click();
  const progress = page.getByTestId('train-progress');
  await expect.poll(async () => Number(await progress.getAttribute('data-examples')), { timeout: 150_000 }).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'start-up', description: `${what}: ${Date.now() - start} ms from Start to the first batch` });
  await expect(progress).toHaveAttribute('data-phase', 'finished', { timeout: 150_000 });
}

/** What the trial element says, once a run in the worker has reported its backend. */
async function shownTrial(page: Page): Promise<{ choice: string; remembered: string; rates: Map<string, string>; measuredAt: string; text: string }> {
  const rates: Locator = page.getByTestId('train-backend-rates');
  await expect(rates).not.toHaveAttribute('data-choice', '', { timeout: 60_000 });
  const attribute = async (name: string) => (await rates.getAttribute(name)) ?? '';
  const pairs = (await attribute('data-rates')).split(',').map((pair) => pair.split(':') as [string, string]);
  return {
    choice: await attribute('data-choice'),
    remembered: await attribute('data-remembered'),
    rates: new Map(pairs),
    measuredAt: await attribute('data-measured-at'),
    text: (await rates.textContent()) ?? '',
  };
}

test('the worker measures its backends at the first run, shows the rates and the choice, remembers them after a reload, and measures again when asked', async ({
  page,
  problems,
}) => {
  test.setTimeout(420_000);
  await openApp(page);
  await waitForNetwork(page);
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('train-backend-rates')).toHaveCount(0);

  await shortRun(page, 'first run, measured');
  const first = await shownTrial(page);
  test.info().annotations.push({ type: 'trial', description: `${first.text} [${[...first.rates].map((r) => r.join(':')).join(',')}]` });
  expect(first.remembered).toBe('false');
  expect([...first.rates.keys()]).toEqual(['wasm', 'webgl', 'cpu']);
  expect(Number(first.rates.get('wasm'))).toBeGreaterThan(0);
  expect(Number(first.rates.get('cpu'))).toBeGreaterThan(0);
  const webgl = first.rates.get('webgl')!;
  expect(webgl === 'error' || Number(webgl) > 0, `WebGL has a rate or failed: ${webgl}`).toBe(true);
  if (webgl === 'error') {
    const reason = await page.getByTestId('train-backend-rates').locator('span[title]').getAttribute('title');
    test.info().annotations.push({ type: 'webgl', description: `WebGL in the worker failed: ${reason}` });
    expect(reason).not.toBe('');
  }
  // The choice is the fastest (ties only as the shown rates are rounded).
  const measured = [...first.rates.values()].filter((r) => r !== 'error').map(Number);
  expect(Number(first.rates.get(first.choice))).toBe(Math.max(...measured));
  expect(first.text).toMatch(/^Backend trial, a few small steps each: .*digits\/s.* chose /);
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-backend', first.choice);
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-in-worker', 'true');
  // The trial freed everything it made: the worker holds no tensors between runs.
  await expect(page.getByTestId('worker-tensors')).toHaveAttribute('data-count', '0');

  // A new visit: the choice is remembered, not measured again.
  await page.reload();
  await openApp(page);
  await waitForNetwork(page);
  await shortRun(page, 'after a reload, remembered');
  const second = await shownTrial(page);
  expect(second.remembered).toBe('true');
  expect(second.measuredAt).toBe(first.measuredAt);
  expect(second.rates).toEqual(first.rates);
  expect(second.text).toContain('remembered');
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-backend', second.choice);

  // Measure again: the next run runs the trial anew.
  await page.getByTestId('train-backend-remeasure').click();
  await expect(page.getByTestId('train-backend-remeasure')).toBeDisabled();
  await page.getByTestId('train-reset').click();
  await shortRun(page, 'measured again');
  const third = await shownTrial(page);
  expect(third.remembered).toBe('false');
  expect(Number(third.measuredAt)).toBeGreaterThan(Number(first.measuredAt));
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-backend', third.choice);
  await expect(page.getByTestId('train-backend-remeasure')).toBeEnabled();
  expect(problems.errors).toEqual([]);
});

test('training on the page runs no trial, and says so', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('convlens.training', 'page'));
  await openApp(page);
  await waitForNetwork(page);
  await page.getByTestId('tab-training').click();
  const rates = page.getByTestId('train-backend-rates');
  await expect(rates).toHaveAttribute('data-rates', '');
  await expect(rates).toContainText('No backend trial');
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-in-worker', 'false');
});

test('a WebGL context lost in the worker fails the run with a clear message instead of leaving it waiting, and the next run trains on wasm', async ({
  page,
  problems,
}) => {
  test.setTimeout(300_000);
  // A remembered trial that chose WebGL, so the worker trains on it without measuring.
  await page.addInitScript(() => {
    const key = `convlens.trainingBackend.v1|wasm,webgl,cpu|${navigator.userAgent}`;
    const rates = [
      { backend: 'wasm', examplesPerSecond: 100, error: null },
      { backend: 'webgl', examplesPerSecond: 900, error: null },
      { backend: 'cpu', examplesPerSecond: 10, error: null },
    ];
    localStorage.setItem(key, JSON.stringify({ choice: 'webgl', rates, batchSize: 8, timedSteps: 2, measuredAt: Date.UTC(2026, 11, 3) }));
  });
  await openApp(page);
  await waitForNetwork(page);
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-preset').selectOption('class-demo');
  await page.getByTestId('train-examples').selectOption('9000');
  await page.getByTestId('train-epochs').selectOption('3');
  await page.getByTestId('train-start').click();
  const backend = page.getByTestId('train-backend');
  await expect(backend).toHaveAttribute('data-backend', 'webgl', { timeout: 60_000 });
  await expect(page.getByTestId('train-backend-rates')).toHaveAttribute('data-remembered', 'true');
  const progress = page.getByTestId('train-progress');
  await expect.poll(async () => Number(await progress.getAttribute('data-examples')), { timeout: 60_000 }).toBeGreaterThan(0);

  // Lose the worker's context at its next draw, as a GPU reset would.
  const worker = page.workers().find((w) => w.url().includes('trainWorker'));
  expect(worker, 'the training worker is running').toBeDefined();
  await worker!.evaluate(() => {
    const proto = WebGL2RenderingContext.prototype;
    const draw = proto.drawElements;
    proto.drawElements = function (this: WebGL2RenderingContext, ...args: Parameters<typeof draw>) {
      proto.drawElements = draw;
      this.getExtension('WEBGL_lose_context')?.loseContext();
      return draw.apply(this, args);
    };
  });
  await expect(progress).toHaveAttribute('data-phase', 'failed', { timeout: 60_000 });
  await expect(progress.getByRole('alert')).toContainText('WebGL context of the training worker was lost');

  // The next run trains on wasm, saying why, and ends.
  await page.getByTestId('train-examples').selectOption('500');
  await page.getByTestId('train-epochs').selectOption('1');
  await page.getByTestId('train-start').click();
  await expect(backend).toHaveAttribute('data-backend', 'wasm', { timeout: 60_000 });
  await expect(backend).toHaveAttribute('title', /WebGL context of the training worker was lost/);
  await expect(progress).toHaveAttribute('data-phase', 'finished', { timeout: 150_000 });
  expect(problems.errors).toEqual([]);
});
