/**
 * Leaks: live tfjs tensors (the app's tensor-count pill) and the JS heap (garbage collected
 * through the DevTools protocol first) after 100 and 500 input updates and after three
 * start / stop training runs, on the production build.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { createRandom, type Random } from '../../src/model/random';
import { newObservedPage, sleep, waitForPrediction } from './browser';
import type { loadStrokeCases } from './pen';

/** One reading: tensors alive, and the JS heap in bytes after a full GC. */
export interface MemoryReading {
  readonly label: string;
  readonly updates: number;
  readonly tensors: number;
  /** CDP Runtime.getHeapUsage().usedSize. */
  readonly heapBytes: number;
  /** performance.memory.usedJSHeapSize (precise with --enable-precise-memory-info). */
  readonly usedJSHeapSize: number;
}

export interface LeakResult {
  readonly readings: MemoryReading[];
  readonly trainingRuns: number;
}

type StrokeCases = ReturnType<typeof loadStrokeCases>;

/** The smallest class of the data set has 863 digits. */
const MAX_SAMPLE_INDEX = 860;

/** The tensor pill refreshes every 400 ms: two equal readings in a row. */
async function stableTensorCount(page: Page): Promise<number> {
  let last = -1;
  for (;;) {
    await sleep(450);
    const now = Number(await page.getByTestId('tensor-count').getAttribute('data-count'));
    if (now === last) return now;
    last = now;
  }
}

async function read(page: Page, cdp: CDPSession, label: string, updates: number): Promise<MemoryReading> {
  await sleep(1000);
  const tensors = await stableTensorCount(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const usedJSHeapSize = await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
  return { label, updates, tensors, heapBytes: usedSize, usedJSHeapSize };
}

/** One random input update: a stroke (half the time), a class, an index, or a clear. */
async function randomUpdate(page: Page, rng: Random, cases: StrokeCases): Promise<void> {
  const r = rng();
  if (r < 0.5) {
    const box = (await page.getByTestId('draw-canvas').boundingBox())!;
    const stroke = cases[Math.floor(rng() * cases.length)].strokes[0];
    await page.mouse.move(box.x + stroke[0][0] * box.width, box.y + stroke[0][1] * box.height);
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + x * box.width, box.y + y * box.height);
    await page.mouse.up();
  } else if (r < 0.75) {
    await page.getByTestId(`sample-class-${Math.floor(rng() * 10)}`).click();
  } else if (r < 0.9) {
    await page.getByTestId('sample-index').fill(String(Math.floor(rng() * MAX_SAMPLE_INDEX)));
  } else {
    await page.getByTestId('clear').click();
  }
}

async function trainBriefly(page: Page, examples: number): Promise<void> {
  await page.getByTestId('train-start').click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="train-progress"]')?.getAttribute('data-examples')) >= n, examples, {
    timeout: 300_000,
  });
  await page.getByTestId('train-stop').click();
  await page.waitForFunction(
    () => ['stopped', 'finished'].includes(document.querySelector('[data-testid="train-progress"]')?.getAttribute('data-phase') ?? ''),
    null,
    { timeout: 300_000 },
  );
}

/**
 * Reads memory after load, after `checkpoints` input updates (e.g. [100, 500]), after
 * `runs` training runs stopped after `examplesPerRun` examples, and after Reset.
 */
export async function measureLeaks(
  browser: Browser,
  url: string,
  cases: StrokeCases,
  checkpoints: readonly number[],
  runs: number,
  examplesPerRun: number,
): Promise<LeakResult> {
  const { context, page } = await newObservedPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    await waitForPrediction(page);
    const readings = [await read(page, cdp, 'after load', 0)];
    const rng = createRandom(42);
    let updates = 0;
    for (const checkpoint of checkpoints) {
      for (; updates < checkpoint; updates++) await randomUpdate(page, rng, cases);
      readings.push(await read(page, cdp, `after ${checkpoint} updates`, updates));
    }
    await page.getByTestId('tab-training').click();
    for (let run = 0; run < runs; run++) await trainBriefly(page, examplesPerRun);
    readings.push(await read(page, cdp, `after ${runs} training runs`, updates));
    await page.getByTestId('train-reset').click();
    readings.push(await read(page, cdp, 'after Reset', updates));
    return { readings, trainingRuns: runs };
  } finally {
    await context.close();
  }
}
