import type { CDPSession, Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { test, expect, openApp, expectTensorsBackTo } from './fixtures';
import { expectComputePath, pauseRun, quietTensorCount, resumeRun, settled, startLongRun, stopAndReset, trainOnThePage } from './tensorChecks';

/** Input changes after the warm-up: 100 within `npm test`, 1,000 in `npm run soak`. */
const UPDATES = Number(process.env.SOAK_UPDATES ?? 100);
const WARM_UP = 40;
/** Wait for the prediction to catch up every this many changes (the pen never waits for it). */
const SETTLE_EVERY = 25;
const HEAP_GROWTH_LIMIT = 5 * 1024 * 1024;
const CLASS_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

// Exact heap sizes (performance.memory is otherwise rounded and bucketed).
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  },
});

/** A small seeded generator (mulberry32), so every run makes the same strokes and picks. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Drives the input: the sample picker (class, index, random) and short pen strokes. */
class InputDriver {
  private digit = 2;
  private pad: { x: number; y: number; width: number; height: number } | null = null;

  constructor(
    private readonly page: Page,
    private readonly random: () => number,
  ) {}

  /** One input change, picked at random. */
  async update(): Promise<void> {
    const { page, random } = this;
    const kind = Math.floor(random() * 4);
    if (kind === 0) {
      this.digit = Math.floor(random() * 10);
      await page.getByTestId(`sample-class-${this.digit}`).click();
    } else if (kind === 1) {
      await page.getByTestId('sample-index').fill(String(Math.floor(random() * CLASS_COUNTS[this.digit])));
    } else if (kind === 2) {
      await page.getByTestId('sample-random').click();
      const source = (await page.getByTestId('input-source').textContent()) ?? '';
      this.digit = Number(/MNIST digit (\d)/.exec(source)?.[1] ?? this.digit);
    } else {
      await this.stroke();
    }
  }

  /** A short three-point stroke (the pad's box is looked up once: the layout does not move). */
  private async stroke(): Promise<void> {
    this.pad ??= await this.page.getByTestId('draw-canvas').boundingBox();
    if (!this.pad) throw new Error('drawing pad not visible');
    const { x, y, width, height } = this.pad;
    const point = () => [x + (0.15 + this.random() * 0.7) * width, y + (0.15 + this.random() * 0.7) * height] as const;
    const mouse = this.page.mouse;
    await mouse.move(...point());
    await mouse.down();
    await mouse.move(...point());
    await mouse.move(...point());
    await mouse.up();
  }
}

/** The JS heap in use after full garbage collections. */
async function heapAfterGc(page: Page, cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  return page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
}

/** `count` input changes, waiting for the prediction to catch up every {@link SETTLE_EVERY}. */
async function drive(page: Page, input: InputDriver, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await input.update();
    if (i % SETTLE_EVERY === 0) await settled(page);
  }
  await settled(page);
}

test(`soak: ${UPDATES} random strokes and sample changes leak no tensors, little heap and no errors`, async ({ page, problems }) => {
  test.setTimeout(90_000 + UPDATES * 400);
  await openApp(page);
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 30_000 });
  const cdp = await page.context().newCDPSession(page);
  const input = new InputDriver(page, seeded(7));
  for (let i = 0; i < WARM_UP; i++) await input.update();
  await settled(page);
  const tensors = await quietTensorCount(page);
  const heap = await heapAfterGc(page, cdp);

  await drive(page, input, UPDATES);
  const prediction = page.getByTestId('prediction');
  expect(await prediction.getAttribute('data-digit')).toMatch(/^[0-9]$/);
  await expectTensorsBackTo(page, tensors);
  const growth = (await heapAfterGc(page, cdp)) - heap;
  console.log(`soak: ${UPDATES} updates, ${tensors} tensors throughout, heap ${(heap / 1e6).toFixed(1)} MB, growth ${(growth / 1e6).toFixed(2)} MB`);
  expect(growth).toBeLessThan(HEAP_GROWTH_LIMIT);
  // The shipped model's maps come from its plain-JavaScript copy: tfjs made no tensors for them.
  await expectComputePath(page, 'plain');
  expect(problems.errors).toEqual([]);
});

/**
 * While the model in view trains on the page (the fallback without a Worker), every map comes from tfjs (on WebGL here), so a tensor the
 * drawing path forgot to free would stay. The run's own tensors (its model and optimiser
 * state) are the same at every pause, so the count is compared between pauses: first with
 * the pen moving while the run is paused, then while it runs. Stopping and resetting the
 * run must then give back exactly the count of the shipped model alone.
 */
test(`soak while a model trains on WebGL: ${Math.ceil(UPDATES / 4) + Math.ceil(UPDATES / 2)} input changes through tfjs leak no tensors and no errors`, async ({
  page,
  problems,
}) => {
  // Generous: the pen waits for the maps every 25 changes, on a busy machine too.
  test.setTimeout(240_000 + UPDATES * 1_500);
  await trainOnThePage(page);
  await openApp(page);
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 30_000 });
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgl', { timeout: 60_000 });
  const shippedOnly = await quietTensorCount(page);

  await startLongRun(page, 'class-demo');
  await expectComputePath(page, 'tfjs');
  const input = new InputDriver(page, seeded(11));
  for (let i = 0; i < WARM_UP; i++) await input.update();
  await settled(page);
  await pauseRun(page);
  await expectComputePath(page, 'tfjs');
  await settled(page);
  const paused = await quietTensorCount(page);
  expect(paused, 'the paused run holds its model and optimiser state').toBeGreaterThan(shippedOnly);

  // The pen moves while the run is paused: nothing but the drawing path makes tensors.
  await drive(page, input, Math.ceil(UPDATES / 4));
  await expectComputePath(page, 'tfjs');
  await expectTensorsBackTo(page, paused);

  // The pen moves while the run goes on (half as many changes: each waits for tfjs on
  // SwiftShader beside the training steps); then the run is paused again at another step.
  await resumeRun(page);
  await page.getByTestId('tab-network').click();
  await drive(page, input, Math.ceil(UPDATES / 2));
  await expectComputePath(page, 'tfjs');
  await pauseRun(page);
  await page.getByTestId('tab-network').click();
  await settled(page);
  await expectTensorsBackTo(page, paused);
  console.log(
    `soak while training: ${Math.ceil(UPDATES / 4)} updates paused, ${Math.ceil(UPDATES / 2)} running, ${shippedOnly} tensors for the shipped model, ${paused} with the paused run`,
  );

  await stopAndReset(page);
  await expectTensorsBackTo(page, shippedOnly);
  await expectComputePath(page, 'plain');
  await expect(page.getByTestId('backend'), 'tfjs ran on WebGL throughout').toHaveAttribute('data-backend', 'webgl');
  expect(problems.errors).toEqual([]);
});
