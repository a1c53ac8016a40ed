import { test as base, expect, type Page } from '@playwright/test';

/** Problems the page reported: console errors, uncaught exceptions, failed requests. */
export interface PageProblems {
  readonly errors: string[];
}

/**
 * `test` with a `problems` fixture that records every console error, page error, failed
 * request and HTTP error response, and a check that none happened (unless a test expects it).
 */
export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page }, use) => {
    const problems: PageProblems = { errors: [] };
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.errors.push(`pageerror: ${err.message}`));
    page.on('requestfailed', (req) => {
      const reason = req.failure()?.errorText ?? '';
      // A reload or navigation cancels what the page was still fetching (tfjs loads in the
      // background): that is the browser's doing, not a failure. HTTP errors are caught below.
      if (reason === 'net::ERR_ABORTED') return;
      problems.errors.push(`request failed: ${req.url()} ${reason}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) problems.errors.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    await use(problems);
  },
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

/** The live tfjs tensor count once two readings of the status pill agree (it refreshes a few times a second). */
export async function stableTensorCount(page: Page): Promise<number> {
  const pill = page.getByTestId('tensor-count');
  await expect(pill).not.toHaveAttribute('data-count', '');
  let last = -1;
  for (;;) {
    await page.waitForTimeout(450);
    const now = Number(await pill.getAttribute('data-count'));
    if (now === last) return now;
    last = now;
  }
}

/**
 * Waits for the tensor count to come back to `baseline`: a pass still running holds its
 * outputs for a moment (longer on a busy machine), a leak never gives them back.
 */
export async function expectTensorsBackTo(page: Page, baseline: number): Promise<void> {
  await expect.poll(async () => Number(await page.getByTestId('tensor-count').getAttribute('data-count')), { timeout: 30_000 }).toBe(baseline);
}

/** The off-diagonal cells of the computed confusion matrix that hold digits: their testid and count. */
export async function wrongConfusionCells(page: Page): Promise<{ id: string; count: number }[]> {
  return page.locator('[data-testid^="confusion-cell-"]').evaluateAll((cells) =>
    cells.map((c) => ({ id: c.getAttribute('data-testid')!, count: Number(c.getAttribute('data-count')) })).filter((c) => {
      const [t, p] = c.id.split('-').slice(-2);
      return t !== p && c.count > 0;
    }),
  );
}
