import type { Page } from '@playwright/test';
import { expect, openApp, stableTensorCount } from './fixtures';

/**
 * Keeps every WebGL context the page creates (tfjs makes its own on an OffscreenCanvas), so
 * a test can lose them the way a GPU reset or driver crash would. Call it before the page opens.
 */
export async function captureWebGlContexts(page: Page): Promise<void> {
  await page.addInitScript(() => {
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
  });
}

/** Loses every WebGL context of the page (not the worker's) captured so far; returns how many. */
export async function loseWebGl(page: Page): Promise<number> {
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

/** Starts recording, every few milliseconds, any prediction, softmax bar or chart value that is not a real number. */
export async function watchForGarbage(page: Page): Promise<void> {
  await page.evaluate(() => {
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
  });
}

/** What {@link watchForGarbage} recorded. */
export async function garbageSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __garbage: string[] }).__garbage);
}

/**
 * Makes the training worker train on WebAssembly without measuring: a remembered trial that
 * chose wasm (the worker's backend has no page context to lose). Call it before the page opens.
 */
export async function pinWorkerToWasm(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const key = `convlens.trainingBackend.v1|wasm,webgl,cpu|${navigator.userAgent}`;
    const rates = [
      { backend: 'wasm', examplesPerSecond: 900, error: null },
      { backend: 'webgl', examplesPerSecond: 100, error: null },
      { backend: 'cpu', examplesPerSecond: 10, error: null },
    ];
    localStorage.setItem(key, JSON.stringify({ choice: 'wasm', rates, batchSize: 8, timedSteps: 2, measuredAt: Date.UTC(2026, 11, 3) }));
  });
}

/** Where a run trains: in the worker (pinned to wasm), or on the page itself (the fallback without a Worker). */
export type RunPlace = 'worker' | 'page';

/**
 * Opens the app on WebGL, with the page's WebGL contexts captured, and starts fine-tuning the
 * pretrained model (from its weights, so they are good from the first epoch on) where `place`
 * says, on `examples` digits for `epochs` epochs with `seed`; returns the tensor baseline taken
 * before the run.
 */
export async function startFineTuning(page: Page, place: RunPlace, { examples = 256, epochs = 20, seed = 1 } = {}): Promise<number> {
  await captureWebGlContexts(page);
  if (place === 'page') await page.addInitScript(() => localStorage.setItem('convlens.training', 'page'));
  else await pinWorkerToWasm(page);
  await openApp(page);
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 30_000 });
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgl');
  await expect(page.getByTestId('backend-notice')).toHaveCount(0);
  const baseline = await stableTensorCount(page);
  await startFineTuningRun(page, { examples, epochs, seed });
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-backend', place === 'page' ? 'webgl' : 'wasm', { timeout: 60_000 });
  return baseline;
}

/** Starts fine-tuning the pretrained model from the training tab (batches of 32, learning rate 0.0005). */
export async function startFineTuningRun(page: Page, { examples, epochs, seed }: { examples: number; epochs: number; seed: number }): Promise<void> {
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-start-from').selectOption('pretrained');
  await page.getByTestId('train-lr').selectOption('0.0005');
  await page.getByTestId('train-examples').selectOption(String(examples));
  await page.getByTestId('train-batch').selectOption('32');
  await page.getByTestId('train-epochs').selectOption(String(epochs));
  await page.getByTestId('train-seed').fill(String(seed));
  await page.getByTestId('train-start').click();
}
