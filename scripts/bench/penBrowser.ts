/**
 * Section 1 as the browser measures it: taps (Event Timing) and a 3-second stroke (animation
 * frames) on every tab of the app, found from its tab list, and on the bare drawing page, first
 * with the app idle, then while the app trains.
 *
 * The bare page is a second tab of the same browser, on another site (localhost instead of
 * 127.0.0.1), so Chromium gives it its own renderer process and main thread: it shares the
 * CPUs, the GPU process (SwiftShader) and the browser process with the app, as another tab
 * would, but none of the app's main-thread work. That makes it the floor of the machine and the
 * browser under the same load. While it is measured during training, the app's Train tab is
 * open (live charts) in the other tab.
 */
import type { Browser, Page } from '@playwright/test';
import { newObservedPage, waitForPrediction } from './browser';
import { framesThenIdle, measureStroke, measureTaps, observeBrowserInput, type StrokeResult, type TapResult } from './browserPen';

export interface PenBrowserOptions {
  readonly taps: number;
  readonly strokeSeconds: number;
  /** Epochs of the training run that keeps going while the tabs are measured. */
  readonly trainingEpochs: number;
}

export type Condition = 'idle' | 'training';

export interface PadFigures {
  /** 'bare' for the bare drawing page, else the tab's id (filters, network, …). */
  readonly page: string;
  /** The tab's label as shown (English), or the bare page's description. */
  readonly label: string;
  readonly condition: Condition;
  readonly taps: TapResult;
  readonly stroke: StrokeResult;
  /** Digits the app trained on per second while this page was measured (training only). */
  readonly trainingRate: number | null;
}

export interface PenBrowserResult {
  readonly options: PenBrowserOptions;
  readonly method: string;
  readonly figures: PadFigures[];
}

export const METHOD = [
  'Event Timing: a PerformanceObserver ({type: "event", durationThreshold: 16, buffered: true}); a tap is its longest entry among its own',
  'events, or "<16" (counted as 16) when it has none; the browser rounds durations to 8 ms. Taps and the stroke are page.mouse input.',
  "Frames: requestAnimationFrame timestamps from the stroke's pointer down to its pointer up. The bare page (one canvas, a dot per pointer",
  'event) is a second tab of the same browser on another site, so in its own renderer process: it shares the CPUs and the GPU process with',
  "the app, not the app's main thread. During training the app trains (Train button, Train tab open) in its own tab while the bare page is measured.",
].join('\n');

const phase = (page: Page) => page.getByTestId('train-progress').getAttribute('data-phase');
const examples = async (page: Page) => Number(await page.getByTestId('train-progress').getAttribute('data-examples'));

/** The app's tabs from its tab list: ids (from `tab-ID`) and labels. */
async function findTabs(app: Page): Promise<{ id: string; label: string }[]> {
  const tabs = await app
    .locator('[role="tablist"] [role="tab"]')
    .evaluateAll((els) => els.map((el) => ({ id: el.id.replace(/^tab-/, ''), label: el.textContent?.trim() ?? '' })));
  if (tabs.length === 0) throw new Error('The app shows no tab list ([role="tablist"] [role="tab"]).');
  return tabs;
}

async function openTab(app: Page, id: string): Promise<void> {
  await app.locator(`#tab-${id}`).click();
  await app.waitForFunction(
    (tab) =>
      document.getElementById(`tab-${tab}`)?.getAttribute('aria-selected') === 'true' &&
      !document.querySelector(`#tabpanel-${tab} [data-testid="tab-loading"]`),
    id,
    { timeout: 120_000 },
  );
  await framesThenIdle(app, 2, 1000);
}

/** Clears the app's pad (its Clear button) and waits until the prediction is gone. */
async function clearPad(app: Page): Promise<void> {
  await app.getByTestId('clear').click();
  await app.waitForFunction(() => document.querySelector('[data-testid="prediction"]')?.getAttribute('data-digit') === '', null, {
    timeout: 60_000,
    polling: 'raf',
  });
}

/** Starts a run with the app's default settings but `epochs` epochs from the Train tab, and waits until it trains. */
async function startTraining(app: Page, epochs: number): Promise<void> {
  await openTab(app, 'training');
  if ((await phase(app)) === 'finished' || (await phase(app)) === 'stopped') await app.getByTestId('train-reset').click();
  await app.getByTestId('train-epochs').selectOption(String(epochs));
  await app.getByTestId('train-start').click();
  await app.waitForFunction(() => Number(document.querySelector('[data-testid="train-progress"]')?.getAttribute('data-examples')) > 0, null, {
    timeout: 300_000,
    polling: 100,
  });
}

async function stopTraining(app: Page): Promise<void> {
  if ((await phase(app)) !== 'running') return;
  await openTab(app, 'training');
  await app.getByTestId('train-stop').click();
  await app.waitForFunction(
    () => ['stopped', 'finished'].includes(document.querySelector('[data-testid="train-progress"]')?.getAttribute('data-phase') ?? ''),
    null,
    { timeout: 300_000 },
  );
  await app.getByTestId('train-reset').click();
}

/**
 * Proves the bare page has a main thread of its own: it must keep drawing frames while the
 * app's main thread is held busy for a second (in one renderer process it would draw none).
 */
async function checkOwnMainThread(app: Page, bare: Page): Promise<number> {
  const frames = bare.evaluate(async () => {
    let count = 0;
    for (const end = performance.now() + 1000; performance.now() < end; count++) await new Promise((resolve) => requestAnimationFrame(resolve));
    return count;
  });
  await app.evaluate(() => {
    for (const end = performance.now() + 1000; performance.now() < end;);
  });
  const count = await frames;
  if (count < 5)
    throw new Error(`The bare page drew ${count} frames in 1 s while the app's main thread was busy: it shares the app's renderer process, so it is no floor.`);
  return count;
}

async function measurePad(page: Page, options: PenBrowserOptions, beforeTap?: (i: number) => Promise<void>, beforeStroke?: () => Promise<void>) {
  const taps = await measureTaps(page, options.taps, beforeTap);
  await beforeStroke?.();
  await framesThenIdle(page, 2, 500);
  const stroke = await measureStroke(page, options.strokeSeconds);
  return { taps, stroke };
}

/**
 * Measures the bare page and every tab, idle then while training. `app` and `bare` are the
 * pages' URLs; `log` reports progress.
 */
export async function measurePenAsBrowser(
  browser: Browser,
  appUrl: string,
  bareUrl: string,
  options: PenBrowserOptions,
  log: (line: string) => void,
): Promise<PenBrowserResult> {
  const { context, page: app } = await newObservedPage(browser);
  try {
    await observeBrowserInput(context);
    await app.goto(appUrl);
    await waitForPrediction(app);
    const side = (await app.getByTestId('draw-canvas').boundingBox())?.width ?? 0;
    const bare = await context.newPage();
    await bare.goto(`${bareUrl}?side=${Math.round(side)}`);
    await bare.getByTestId('draw-canvas').waitFor();
    const tabs = await findTabs(app);
    log(`  the bare page drew ${await checkOwnMainThread(app, bare)} frames in 1 s while the app's main thread was held busy (its own renderer process)`);
    const figures: PadFigures[] = [];
    const appClear = (i: number) => (i % 8 === 0 ? clearPad(app) : Promise.resolve());
    for (const condition of ['idle', 'training'] as const) {
      if (condition === 'training') await startTraining(app, options.trainingEpochs);
      const measure = async (page: Page, id: string, label: string, before?: (i: number) => Promise<void>, beforeStroke?: () => Promise<void>) => {
        log(`  ${condition}: ${label}`);
        if (condition === 'training' && (await phase(app)) !== 'running') {
          log(`  the training run ended (${await phase(app)}): starting another`);
          await startTraining(app, options.trainingEpochs);
        }
        // The Train tab's progress is read with that tab open: hidden, it need not follow the run.
        const training = condition === 'training';
        const [n0, t0] = [training ? await examples(app) : 0, performance.now()];
        if (page === app) await openTab(app, id);
        const { taps, stroke } = await measurePad(page, options, before, beforeStroke);
        if (training && page === app) await openTab(app, 'training');
        const rate = training ? ((await examples(app)) - n0) / ((performance.now() - t0) / 1000) : null;
        figures.push({ page: id, label, condition, taps, stroke, trainingRate: rate });
      };
      await bare.bringToFront();
      await measure(bare, 'bare', 'bare drawing page (the floor)');
      for (const tab of tabs) {
        await app.bringToFront();
        if (condition === 'training') await openTab(app, 'training');
        await measure(app, tab.id, tab.label, appClear, () => clearPad(app));
      }
    }
    await stopTraining(app);
    return { options, method: METHOD, figures };
  } finally {
    await context.close();
  }
}
