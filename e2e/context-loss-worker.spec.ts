import type { Page } from '@playwright/test';
import { test, expect, expectTensorsBackTo, openApp, settledValue, stableTensorCount } from './fixtures';
import { captureWebGlContexts, garbageSeen, loseWebGl, pinWorkerToWasm, startFineTuning, startFineTuningRun, watchForGarbage } from './contextLoss';
import { expectComputePath } from './tensorChecks';

/*
 * The page's WebGL context is lost while a run trains in the worker (pinned to wasm, which has
 * no page context to lose): the run goes on, the page rebuilds its models on the CPU and follows
 * the run, and the run's final weights land in the page's rebuilt model.
 */

/** Long enough to lose the context early in the first epoch and watch the run go on (9,000 digits, about 40 s on wasm here). */
const RUN = { examples: 3000, epochs: 3, seed: 3 };

/** A digit the shipped network is unsure of (an 8 it takes for a 2, at about 47 %): its confidence moves as the network learns. */
async function pickUnsureDigit(page: Page): Promise<void> {
  await page.getByTestId('sample-class-8').click();
  await page.getByTestId('sample-index').fill('906');
  await expect(page.getByTestId('input-source')).toHaveText('MNIST digit 8, number 906');
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-up-to-date', 'true');
}

async function confidence(page: Page): Promise<string | null> {
  return page.getByTestId('prediction').getAttribute('data-confidence');
}

async function examplesSeen(page: Page): Promise<number> {
  return Number(await page.getByTestId('train-progress').getAttribute('data-examples'));
}

/** The logits of the model in view for the current input (the softmax worked out on the network tab, full precision). */
async function logits(page: Page): Promise<string[]> {
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-up-to-date', 'true');
  return Promise.all(Array.from({ length: 10 }, (_, d) => page.getByTestId(`softmax-row-${d}`).getAttribute('data-logit').then(String)));
}

/** The logits once the run has ended and the page's model holds still. */
async function finalLogits(page: Page): Promise<string[]> {
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 240_000 });
  await expect(page.getByTestId('train-heldout')).toHaveAttribute('data-epoch', String(RUN.epochs));
  return settledValue(() => logits(page), 'the logits after the run');
}

async function resetTraining(page: Page): Promise<void> {
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('show-trained')).toHaveCount(0);
}

async function expectContinuedNotice(page: Page): Promise<void> {
  const notice = page.getByTestId('context-lost-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('data-run', 'continued');
  await expect(notice).toHaveAttribute('data-kept-epoch', '');
  await expect(notice).toContainText('The training run goes on without the graphics processor');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'cpu');
}

test("losing the page's GPU mid-training in the worker: the run goes on, the maps follow it on the CPU, and its final weights land in the page's model", async ({
  page,
  problems,
}) => {
  test.setTimeout(420_000);
  const baseline = await startFineTuning(page, 'worker', RUN);
  const progress = page.getByTestId('train-progress');
  await expect.poll(() => examplesSeen(page), { timeout: 60_000 }).toBeGreaterThan(0);
  await watchForGarbage(page);
  expect(await loseWebGl(page)).toBeGreaterThan(0);
  await expectContinuedNotice(page);

  // The run goes on where it was: the same worker, batches and epochs still coming.
  await expect(progress).toHaveAttribute('data-phase', 'running');
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-in-worker', 'true');
  const atLoss = await examplesSeen(page);
  expect(atLoss).toBeLessThan(RUN.examples);
  await expect.poll(() => examplesSeen(page), { timeout: 60_000 }).toBeGreaterThan(atLoss);

  // The maps and the softmax follow the run on the page's CPU, from the weights the worker sends.
  await expectComputePath(page, 'plain');
  await pickUnsureDigit(page);
  const during = await confidence(page);
  await expect.poll(() => confidence(page), { timeout: 30_000 }).not.toBe(during);
  await expect(progress).toHaveAttribute('data-phase', 'running');
  await expect(page.getByTestId('show-trained')).toHaveAttribute('aria-pressed', 'true');

  // Every epoch ends (the loss came in the first), and the page's model has the run's final weights:
  // the same as a run with the same seed that nothing interrupted.
  const interrupted = await finalLogits(page);
  await expect(page.getByTestId('train-start')).toBeEnabled();
  expect(await garbageSeen(page)).toEqual([]);
  await resetTraining(page);
  await expectTensorsBackTo(page, baseline);

  await startFineTuningRun(page, RUN);
  const uninterrupted = await finalLogits(page);
  expect(interrupted).toEqual(uninterrupted);
  await resetTraining(page);
  await expectTensorsBackTo(page, baseline);
  expect(problems.errors).toEqual([]);
});

test("losing the page's GPU while a run in the worker is paused: it stays paused, then resumes and stops as asked", async ({ page, problems }) => {
  test.setTimeout(300_000);
  const baseline = await startFineTuning(page, 'worker', RUN);
  const progress = page.getByTestId('train-progress');
  await expect.poll(() => examplesSeen(page), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.getByTestId('train-pause').click();
  await expect(progress).toHaveAttribute('data-phase', 'paused');
  await watchForGarbage(page);
  expect(await loseWebGl(page)).toBeGreaterThan(0);
  await expectContinuedNotice(page);

  await expect(progress).toHaveAttribute('data-phase', 'paused');
  // The reports the worker sent before it paused may still be on their way (they come in bundles).
  const paused = await settledValue(() => examplesSeen(page), 'the digits seen while paused', { agree: 3, interval: 500 });
  await page.waitForTimeout(1500);
  expect(await examplesSeen(page)).toBe(paused);
  await page.getByTestId('train-resume').click();
  await expect(progress).toHaveAttribute('data-phase', 'running');
  await expect.poll(() => examplesSeen(page), { timeout: 60_000 }).toBeGreaterThan(paused);
  await page.getByTestId('train-stop').click();
  await expect(progress).toHaveAttribute('data-phase', 'stopped', { timeout: 60_000 });
  await expect(page.getByTestId('show-trained')).toHaveAttribute('aria-pressed', 'true');
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveAttribute('data-up-to-date', 'true');
  await expect(prediction).toHaveAttribute('data-digit', '2');

  expect(await garbageSeen(page)).toEqual([]);
  await resetTraining(page);
  await expectTensorsBackTo(page, baseline);
  expect(problems.errors).toEqual([]);
});

test("the worker cannot start while the page's GPU is lost: the run goes on, on the page's CPU, with the rebuilt model", async ({ page, problems }) => {
  test.setTimeout(300_000);
  // The worker's script is held until the context is lost, then refused: the worker never starts.
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = () => undefined as void;
  const requested = new Promise<void>((resolve) => (asked = resolve));
  await page.route(/trainWorker-[^/]*\.js$/, async (route) => {
    asked();
    await released;
    await route.abort();
  });
  problems.allow(/trainWorker-[^/]*\.js/);
  await captureWebGlContexts(page);
  await pinWorkerToWasm(page);
  await openApp(page);
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 30_000 });
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgl');
  const baseline = await stableTensorCount(page);
  await startFineTuningRun(page, { examples: 100, epochs: 1, seed: 3 });
  // The run was handed over (its weights posted to the worker) as the worker's script was asked for.
  await requested;
  await watchForGarbage(page);
  expect(await loseWebGl(page)).toBeGreaterThan(0);
  await expectContinuedNotice(page);
  release();

  const backend = page.getByTestId('train-backend');
  await expect(backend).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(backend).toHaveAttribute('data-in-worker', 'false');
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 240_000 });
  await expect(page.getByTestId('train-heldout')).toHaveAttribute('data-epoch', '1');
  await expect(page.getByTestId('show-trained')).toHaveAttribute('aria-pressed', 'true');
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveAttribute('data-up-to-date', 'true');
  await expect(prediction).toHaveAttribute('data-digit', '2');
  expect(await garbageSeen(page)).toEqual([]);
  await resetTraining(page);
  await expectTensorsBackTo(page, baseline);
  expect(problems.errors).toEqual([]);
});
