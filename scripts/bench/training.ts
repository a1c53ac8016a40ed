/**
 * Training figures, in the bench page (the app and the bench's tfjs / convnetjs code in one
 * page): ConvLens's loop driven through the app's own Train button with its live charts,
 * the same loop without UI, a bare `model.fit`, convnetjs, and the time to 97% held-out.
 */
import type { Page } from '@playwright/test';
import type { LearningConfig, LearningResult, Throughput, ThroughputConfig } from './protocol';

declare global {
  interface Window {
    __convlensProgress?: [number, number][];
  }
}

export interface TrainingFigures {
  readonly config: ThroughputConfig;
  /** The app's Train button (default run settings), charts and prediction following the weights. */
  readonly appUi: Throughput;
  /** `trainModel` alone, same settings, no UI. */
  readonly loopOnly: Throughput;
  readonly bareFit: Throughput;
  readonly convnetjs: Throughput;
}

/** Records [time, examples seen] at every change of the training progress element. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: [number, number][] = [];
    window.__convlensProgress = samples;
    const target = document.querySelector('[data-testid="train-progress"]');
    if (!target) throw new Error('No training progress element.');
    new MutationObserver(() => samples.push([performance.now(), Number(target.getAttribute('data-examples'))])).observe(target, {
      attributes: true,
      attributeFilter: ['data-examples'],
    });
  });
}

/**
 * Clicks Train with the app's default settings on the Training tab, measures examples per
 * second from `from` examples seen (after warm-up) to `to` (within the first epoch, so no
 * held-out evaluation is inside), then stops the run and resets.
 */
export async function appUiThroughput(page: Page, from: number, to: number): Promise<Throughput> {
  await page.getByTestId('tab-training').click();
  await watchProgress(page);
  await page.getByTestId('train-start').click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="train-progress"]')?.getAttribute('data-examples')) >= n, to, {
    timeout: 600_000,
    polling: 100,
  });
  await page.getByTestId('train-stop').click();
  await page.waitForFunction(
    () => ['stopped', 'finished'].includes(document.querySelector('[data-testid="train-progress"]')?.getAttribute('data-phase') ?? ''),
    null,
    { timeout: 300_000 },
  );
  const samples = await page.evaluate(() => window.__convlensProgress ?? []);
  await page.getByTestId('train-reset').click();
  const window_ = samples.filter(([, n]) => n >= from && n <= to);
  const [t0, n0] = window_[0];
  const [t1, n1] = window_[window_.length - 1];
  const seconds = (t1 - t0) / 1000;
  return { examples: n1 - n0, seconds, examplesPerSecond: (n1 - n0) / seconds };
}

/** All throughput figures with the same model, batch size, learning rate and example count. */
export async function measureTraining(page: Page, config: ThroughputConfig, convnetMaxSeconds: number): Promise<TrainingFigures> {
  const bareFit = await page.evaluate((c) => window.convlensBench!.fitThroughput(c), config);
  const loopOnly = await page.evaluate((c) => window.convlensBench!.loopThroughput(c), config);
  const appUi = await appUiThroughput(page, 10 * config.batchSize, config.examples);
  const convnetjs = await page.evaluate(([c, s]) => window.convlensBench!.convnetThroughput(c, s), [config, convnetMaxSeconds] as const);
  return { config, appUi, loopOnly, bareFit, convnetjs };
}

/** Seconds of training from scratch to the target held-out accuracy (or the cap). */
export function measureLearning(page: Page, config: LearningConfig): Promise<LearningResult> {
  return page.evaluate((c) => window.convlensBench!.learningSpeed(c), config);
}
