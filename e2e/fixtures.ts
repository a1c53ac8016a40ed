import { test as base, expect, type Page } from '@playwright/test';

/**
 * Problems the page reported: console errors, uncaught exceptions, failed requests and HTTP
 * errors. Every browser test fails when one happened that the test did not allow by name.
 */
export interface PageProblems {
  /** The problems so far that no `allow` pattern covers. */
  readonly errors: readonly string[];
  /** Every problem so far, allowed or not. */
  readonly all: readonly string[];
  /** Declares a problem this test causes on purpose (matched against the recorded line). */
  allow(pattern: RegExp): void;
  /**
   * Runs a navigation the test makes by other means than `page.goto` / `reload` / `goBack` /
   * `goForward` (which are covered already), e.g. a click on a button that reloads the page:
   * requests the browser cancels while the old document is left are not failures.
   */
  duringNavigation<T>(navigate: () => Promise<T>): Promise<T>;
}

const NAVIGATIONS = ['goto', 'reload', 'goBack', 'goForward'] as const;

/**
 * `test` whose automatic `problems` fixture records every console error, page error, failed
 * request and HTTP error response of the page, and fails the test at its end if any happened
 * that the test did not allow. A request the browser aborts counts, unless a navigation made by
 * the test was under way (leaving a page cancels what it was still fetching).
 */
export const test = base.extend<{ problems: PageProblems }>({
  problems: [
    async ({ page }, use) => {
      const all: string[] = [];
      const allowed: RegExp[] = [];
      let navigating = 0;
      const duringNavigation = async <T>(navigate: () => Promise<T>): Promise<T> => {
        navigating++;
        try {
          return await navigate();
        } finally {
          navigating--;
        }
      };
      for (const name of NAVIGATIONS) {
        const original = page[name].bind(page) as (...args: unknown[]) => Promise<unknown>;
        (page as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => duringNavigation(() => original(...args));
      }
      page.on('console', (msg) => {
        if (msg.type() === 'error') all.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => all.push(`pageerror: ${err.message}`));
      page.on('requestfailed', (req) => {
        const reason = req.failure()?.errorText ?? '';
        if (reason === 'net::ERR_ABORTED' && navigating > 0) return;
        all.push(`request failed: ${req.url()} ${reason}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400) all.push(`HTTP ${res.status()}: ${res.url()}`);
      });
      const problems: PageProblems = {
        get errors() {
          return all.filter((line) => !allowed.some((pattern) => pattern.test(line)));
        },
        get all() {
          return [...all];
        },
        allow: (pattern) => void allowed.push(pattern),
        duringNavigation,
      };
      await use(problems);
      expect(problems.errors, 'console errors, page errors or failed requests that the test did not allow').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until the edge-filter maps of the default sample are shown. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('fired-map-0')).toBeVisible({ timeout: 30_000 });
}

/** Waits until tfjs and the model session are ready (the status bar names the backend). */
export async function waitForNetwork(page: Page): Promise<void> {
  await expect(page.getByTestId('backend')).not.toHaveAttribute('data-backend', '', { timeout: 60_000 });
}

/** The four on-counts of the thresholded maps, read from their data-on-count attributes. */
export async function onCounts(page: Page): Promise<number[]> {
  const counts: number[] = [];
  for (let i = 0; i < 4; i++) counts.push(Number(await page.getByTestId(`fired-map-${i}`).getAttribute('data-on-count')));
  return counts;
}

/** Draws a polyline on the drawing pad with the mouse; points are fractions of the pad (0..1). */
/** A stroke the shipped model reads as a 7 (pad fractions, as drawStroke takes them). */
export const SEVEN_STROKE: readonly (readonly [number, number])[] = [
  [0.3, 0.2],
  [0.7, 0.2],
  [0.45, 0.85],
];

export async function drawStroke(page: Page, points: readonly (readonly [number, number])[], steps = 4): Promise<void> {
  const pad = page.getByTestId('draw-canvas');
  const box = await pad.boundingBox();
  if (!box) throw new Error('drawing pad not visible');
  const at = ([x, y]: readonly [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  const [x0, y0] = at(points[0]);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (const p of points.slice(1)) {
    const [x, y] = at(p);
    await page.mouse.move(x, y, { steps });
  }
  await page.mouse.up();
}

/**
 * Polls `read` every `interval` ms until `agree` readings in a row are the same, and returns
 * that value: the one way the browser tests wait for a figure the page refreshes on its own
 * schedule to settle. Fails after `timeout` ms, naming `what` and the readings it saw.
 */
export async function settledValue<T>(read: () => Promise<T>, what: string, { agree = 2, interval = 300, timeout = 30_000 } = {}): Promise<T> {
  const readings: string[] = [];
  let value: T | undefined;
  try {
    await expect
      .poll(
        async () => {
          value = await read();
          readings.push(JSON.stringify(value));
          const last = readings.slice(-agree);
          return last.length === agree && last.every((r) => r === last[0]);
        },
        { timeout, intervals: [interval] },
      )
      .toBe(true);
  } catch {
    throw new Error(`${what} did not hold still for ${agree} readings within ${timeout} ms; readings: ${readings.join(', ')}`);
  }
  return value as T;
}

/**
 * The live tfjs tensor count once it holds still: the same in five readings over 2 s (the
 * status pill refreshes a few times a second, so a pass or a training step in flight shows up
 * in some of them).
 */
export async function stableTensorCount(page: Page, timeout = 30_000): Promise<number> {
  const pill = page.getByTestId('tensor-count');
  await expect(pill, 'tfjs has loaded and the status bar counts its tensors').not.toHaveAttribute('data-count', '', { timeout: 60_000 });
  return settledValue(async () => Number(await pill.getAttribute('data-count')), 'the tensor count', { agree: 5, interval: 500, timeout });
}

/**
 * Opens the app, waits for the network, counts its tensors at rest, then opens the tab whose
 * test hook is `tab-<tab>`: the count returned is the baseline a test of that tab ends on.
 */
export async function openTabWithBaseline(page: Page, tab: string): Promise<number> {
  await openApp(page);
  await waitForNetwork(page);
  const baseline = await stableTensorCount(page);
  await page.getByTestId(`tab-${tab}`).click();
  return baseline;
}

/**
 * Waits for the tensor count to come back to `baseline`: a pass still running holds its
 * outputs for a moment (longer on a busy machine), a leak never gives them back.
 */
export async function expectTensorsBackTo(page: Page, baseline: number): Promise<void> {
  await expect.poll(async () => Number(await page.getByTestId('tensor-count').getAttribute('data-count')), { timeout: 30_000 }).toBe(baseline);
}

/**
 * Ends a run that may already have ended: the training worker can finish a short run between
 * reading the phase and a click, so Stop is pressed without waiting for it to be enabled (a
 * disabled button ignores the click) and the test then waits for either end.
 */
export async function endRun(page: Page): Promise<void> {
  const progress = page.getByTestId('train-progress');
  if ((await progress.getAttribute('data-phase')) === 'running') await page.getByTestId('train-stop').click({ force: true });
  await expect(progress).toHaveAttribute('data-phase', /^(stopped|finished)$/, { timeout: 60_000 });
}

/** The off-diagonal cells of the computed confusion matrix that hold digits: their testid and count. */
export async function wrongConfusionCells(page: Page): Promise<{ id: string; count: number }[]> {
  return page.locator('[data-testid^="confusion-cell-"]').evaluateAll((cells) =>
    cells
      .map((c) => ({ id: c.getAttribute('data-testid')!, count: Number(c.getAttribute('data-count')) }))
      .filter((c) => {
        const [t, p] = c.id.split('-').slice(-2);
        return t !== p && c.count > 0;
      }),
  );
}
