import type { Page } from '@playwright/test';
import { test, expect, openApp, drawStroke, expectTensorsBackTo, stableTensorCount } from './fixtures';

/** Last index of each class in the mnist package: the last 100 of each class are held out. */
const LAST_INDEX = [1000, 1126, 990, 1031, 979, 862, 1013, 1069, 943, 977];

/**
 * Keeps every WebGL context the page creates (tfjs makes its own on an OffscreenCanvas), so
 * the test can lose them the way a GPU reset or driver crash would.
 */
function captureWebGlContexts(): void {
  const contexts: WebGLRenderingContext[] = [];
  (window as unknown as { __webglContexts: WebGLRenderingContext[] }).__webglContexts = contexts;
  for (const proto of [HTMLCanvasElement.prototype, OffscreenCanvas.prototype] as { getContext: (...a: unknown[]) => unknown }[]) {
    const original = proto.getContext;
    proto.getContext = function (this: unknown, ...args: unknown[]) {
      const context = original.apply(this, args);
      if (context && typeof args[0] === 'string' && args[0].startsWith('webgl') && !contexts.includes(context as WebGLRenderingContext)) {
        contexts.push(context as WebGLRenderingContext);
      }
      return context;
    };
  }
}

/** Records, every few milliseconds, any prediction or softmax bar that is not a real number. */
function watchForGarbage(): void {
  const bad: string[] = [];
  (window as unknown as { __garbage: string[] }).__garbage = bad;
  const check = () => {
    const prediction = document.querySelector('[data-testid="prediction"]');
    const digit = prediction?.getAttribute('data-digit') ?? '';
    const confidence = prediction?.getAttribute('data-confidence') ?? '';
    if (digit !== '' && !/^[0-9]$/.test(digit)) bad.push(`digit ${digit}`);
    if (confidence !== '' && !(Number(confidence) > 0 && Number(confidence) <= 1)) bad.push(`confidence ${confidence}`);
    if (/NaN|Infinity/.test(prediction?.textContent ?? '')) bad.push(`text ${prediction?.textContent}`);
    document.querySelectorAll('[data-testid="softmax-bars"] g[data-probability]').forEach((g) => {
      const p = Number(g.getAttribute('data-probability'));
      if (!(p >= 0 && p <= 1)) bad.push(`bar ${g.getAttribute('data-digit')} ${g.getAttribute('data-probability')}`);
    });
    document.querySelectorAll('[data-testid="chart-loss"], [data-testid="chart-accuracy"]').forEach((chart) => {
      for (const name of ['data-first', 'data-last']) {
        const v = chart.getAttribute(name);
        if (v !== null && v !== '' && !Number.isFinite(Number(v))) bad.push(`${chart.getAttribute('data-testid')} ${name} ${v}`);
      }
    });
  };
  setInterval(check, 10);
}

async function loseWebGl(page: Page): Promise<number> {
  return page.evaluate(() => {
    const contexts = (window as unknown as { __webglContexts: WebGLRenderingContext[] }).__webglContexts;
    let lost = 0;
    for (const gl of contexts) {
      const ext = gl.getExtension('WEBGL_lose_context');
      if (ext && !gl.isContextLost()) {
        ext.loseContext();
        lost++;
      }
    }
    return lost;
  });
}

/**
 * Where a run trains: in the worker (the default; its wasm backend has no GPU to lose, but the
 * page's model in view lives on WebGL) or on the page itself (the fallback without a Worker).
 */
const TRAINERS = [
  { where: 'in the worker', backend: 'wasm' },
  { where: 'on the page', backend: 'webgl' },
] as const;
type Trainer = (typeof TRAINERS)[number];

/**
 * Opens the app on WebGL and starts fine-tuning the pretrained model (on 256 digits, or
 * `examples`) where `trainer` says; returns the tensor baseline.
 */
async function startFineTuning(page: Page, trainer: Trainer, examples = 256): Promise<number> {
  await page.addInitScript(captureWebGlContexts);
  if (trainer.backend === 'webgl') await page.addInitScript(() => localStorage.setItem('convlens.training', 'page'));
  await openApp(page);
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 30_000 });
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgl');
  await expect(page.getByTestId('backend-notice')).toHaveCount(0);
  const baseline = await stableTensorCount(page);
  // Fine-tuning starts from the pretrained weights, so they are good from the first epoch on.
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-start-from').selectOption('pretrained');
  await page.getByTestId('train-lr').selectOption('0.0005');
  await page.getByTestId('train-examples').selectOption(String(examples));
  await page.getByTestId('train-batch').selectOption('32');
  await page.getByTestId('train-epochs').selectOption('20');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-backend', trainer.backend, { timeout: 60_000 });
  return baseline;
}

async function garbageSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __garbage: string[] }).__garbage);
}

async function pickSample(page: Page, digit: number, index: number): Promise<void> {
  await page.getByTestId(`sample-class-${digit}`).click();
  await page.getByTestId('sample-index').fill(String(index));
  await expect(page.getByTestId('input-source')).toHaveText(`MNIST digit ${digit}, number ${index}`);
}

for (const trainer of TRAINERS) {
  test(`losing the GPU mid-training ${trainer.where}: stops cleanly on the CPU, keeps the last epoch's weights, never shows garbage`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(180_000);
    const baseline = await startFineTuning(page, trainer);
    const prediction = page.getByTestId('prediction');
    const progress = page.getByTestId('train-progress');
    await expect(page.getByTestId('train-heldout')).toBeVisible({ timeout: 90_000 });
    const heldOut = Number(await page.getByTestId('train-heldout').getAttribute('data-accuracy'));
    expect(heldOut).toBeGreaterThan(0.9);
    await expect(progress).toHaveAttribute('data-phase', 'running');

    await page.evaluate(watchForGarbage);
    expect(await loseWebGl(page)).toBeGreaterThan(0);

    // The user is told, the backend is the CPU, and the run has stopped: nothing is stuck.
    await expect(page.getByTestId('context-lost-notice')).toBeVisible();
    await expect(page.getByTestId('context-lost-notice')).toHaveAttribute('data-kept-epoch', /^[1-9]\d*$/);
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
    await drawStroke(page, [
      [0.3, 0.2],
      [0.7, 0.2],
      [0.45, 0.85],
    ]);
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

  test(`losing the GPU before the first epoch ends ${trainer.where}: the unsaved model is dropped, the pretrained one carries on`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(120_000);
    // 3,000 digits: an epoch lasts well past the loss, even in the worker.
    const baseline = await startFineTuning(page, trainer, 3000);
    const progress = page.getByTestId('train-progress');
    await expect.poll(async () => Number(await progress.getAttribute('data-examples')), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.evaluate(watchForGarbage);
    expect(await loseWebGl(page)).toBeGreaterThan(0);

    const notice = page.getByTestId('context-lost-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('data-kept-epoch', '');
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
}
