/**
 * Training figures, in the bench page (the app and the bench's code in one page): the app's
 * own Train button (its run trains in the app's worker) with its live charts; the same loop
 * and settings in a bench worker with nobody listening (the bare loop, and the app worker's
 * handler); convnetjs in a worker; on the page's main thread, as before the worker, ConvLens's
 * loop without UI, a bare `model.fit` and convnetjs; and the time to 97% held-out.
 */
import type { Page } from '@playwright/test';
import type { ExampleWindow, WorkerThroughput } from './pageWorkers';
import type { LearningConfig, LearningResult, Throughput, ThroughputConfig } from './protocol';
import { windowThroughput } from './rateWindow';

declare global {
  interface Window {
    __convlensProgress?: [number, number][];
  }
}

/** The Train button's rate, and where its run trained as the panel's `train-backend` says. */
export interface AppUiThroughput extends Throughput {
  /** `data-backend`: 'wasm', 'cpu' or 'webgl' ('' if the panel never said). */
  readonly backend: string;
  /** `data-in-worker`: 'true', 'false' ('' if the panel never said). */
  readonly inWorker: string;
}

export interface TrainingFigures {
  readonly config: ThroughputConfig;
  /** The examples window every rate but the page's is taken over (warm-up left out). */
  readonly window: ExampleWindow;
  /** The app's Train button (default run settings), charts and prediction following the weights. */
  readonly appUi: AppUiThroughput;
  /** `trainModel` alone in a bench worker, same backend, options and digits: once before the Train button's run, once after. */
  readonly workerLoop: readonly [WorkerThroughput, WorkerThroughput];
  /** The app worker's handler in a bench worker, posting its messages to a page that does not read them. */
  readonly workerHandler: WorkerThroughput;
  readonly workerConvnetjs: WorkerThroughput;
  /** On the bench page's main thread (tfjs on the page's backend; convnetjs in JavaScript). */
  readonly onPage: { readonly loopOnly: Throughput; readonly bareFit: Throughput; readonly convnetjs: Throughput };
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
 * held-out evaluation is inside), reads where the run trained, then stops the run and resets.
 */
export async function appUiThroughput(page: Page, { from, to }: ExampleWindow): Promise<AppUiThroughput> {
  await page.getByTestId('tab-training').click();
  await watchProgress(page);
  await page.getByTestId('train-start').click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="train-progress"]')?.getAttribute('data-examples')) >= n, to, {
    timeout: 600_000,
    polling: 100,
  });
  const where = page.getByTestId('train-backend');
  const backend = (await where.getAttribute('data-backend')) ?? '';
  const inWorker = (await where.getAttribute('data-in-worker')) ?? '';
  await page.getByTestId('train-stop').click();
  await page.waitForFunction(
    () => ['stopped', 'finished'].includes(document.querySelector('[data-testid="train-progress"]')?.getAttribute('data-phase') ?? ''),
    null,
    { timeout: 300_000 },
  );
  const samples = await page.evaluate(() => window.__convlensProgress ?? []);
  await page.getByTestId('train-reset').click();
  return { ...windowThroughput(samples, from, to), backend, inWorker };
}

/**
 * All throughput figures with the same network, batch size, learning rate and digits: the
 * worker figures first (the bare loop on either side of the Train button's run, so a change
 * of load shows as a difference between the two), then the page's.
 */
export async function measureTraining(page: Page, config: ThroughputConfig, convnetMaxSeconds: number): Promise<TrainingFigures> {
  const span: ExampleWindow = { from: 10 * config.batchSize, to: config.examples };
  const inWorker = (via: 'loop' | 'handler') => () => page.evaluate(([v, w]) => window.convlensBench!.workerLoopThroughput(v, w), [via, span] as const);
  const loopBefore = await named('bare loop in a worker (before)', inWorker('loop'));
  const appUi = await named('Train button', () => appUiThroughput(page, span));
  const loopAfter = await named('bare loop in a worker (after)', inWorker('loop'));
  const workerHandler = await named("the app worker's handler in a worker", inWorker('handler'));
  const workerConvnetjs = await named('convnetjs in a worker', () =>
    page.evaluate(([c, s, w]) => window.convlensBench!.workerConvnetThroughput(c, s, w), [config, convnetMaxSeconds, span] as const),
  );
  const bareFit = await named('bare model.fit on the page', () => page.evaluate((c) => window.convlensBench!.fitThroughput(c), config));
  const loopOnly = await named('loop alone on the page', () => page.evaluate((c) => window.convlensBench!.loopThroughput(c), config));
  const convnetjs = await named('convnetjs on the page', () =>
    page.evaluate(([c, s]) => window.convlensBench!.convnetThroughput(c, s), [config, convnetMaxSeconds] as const),
  );
  return { config, window: span, appUi, workerLoop: [loopBefore, loopAfter], workerHandler, workerConvnetjs, onPage: { loopOnly, bareFit, convnetjs } };
}

/** `work`, its failure prefixed with the figure's name. */
async function named<T>(figure: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`${figure}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Seconds of training from scratch to the target held-out accuracy (or the cap). */
export function measureLearning(page: Page, config: LearningConfig): Promise<LearningResult> {
  return page.evaluate((c) => window.convlensBench!.learningSpeed(c), config);
}
