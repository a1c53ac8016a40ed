/**
 * Cold start: navigation to the edge-filter view on screen, to the first pen input shown in
 * it, and to the first CNN prediction, each load in a fresh browser context (empty cache),
 * from the production build. The first load also records every request it made.
 */
import type { Browser, Page, Request } from '@playwright/test';
import { PEN_TO_EDGES } from '../../src/components/common/perfMarks';
import { newObservedPage, takeEntries, sleep } from './browser';
import { gzipSize } from './weight';
import { median } from './stats';

/** One request of a cold load; `startMs` on the page's performance.now() clock. */
export interface RequestRecord {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly startMs: number;
}

export interface ColdStartResult {
  readonly loads: number;
  /** Medians over the loads, ms from navigation start. */
  readonly edgeViewShown: number;
  readonly firstInputShown: number;
  readonly firstPrediction: number;
  readonly runs: { edgeViewShown: number; firstPrediction: number; firstInputShown: number }[];
  /** What the first load requested, in order. */
  readonly requests: RequestRecord[];
}

declare global {
  interface Window {
    __convlensStart?: { edges?: number; prediction?: number };
  }
}

/** In the page from its first script: notes the first animation frame with the fired map laid out, and with a prediction. */
const START_WATCHER = `
  window.__convlensStart = {};
  (function poll() {
    const s = window.__convlensStart;
    const map = document.querySelector('[data-testid="fired-map-0"] canvas');
    if (s.edges === undefined && map && map.getClientRects().length > 0) s.edges = performance.now();
    const digit = document.querySelector('[data-testid="prediction"]')?.getAttribute('data-digit');
    if (s.prediction === undefined && digit) s.prediction = performance.now();
    if (s.edges === undefined || s.prediction === undefined) requestAnimationFrame(poll);
  })();
`;

async function waitForStart(page: Page, key: 'edges' | 'prediction'): Promise<number> {
  const handle = await page.waitForFunction((k) => window.__convlensStart?.[k], key, { timeout: 120_000, polling: 50 });
  return Number(await handle.jsonValue());
}

/** Records every finished request; `finish` waits for their bodies and puts them on the page's clock. */
function recordRequests(page: Page, base: string): { finish: (timeOrigin: number) => Promise<RequestRecord[]> } {
  const pending: Promise<{ path: string; body: Buffer; startEpoch: number }>[] = [];
  page.on('requestfinished', (request: Request) => {
    pending.push(
      request.response().then(async (response) => ({
        path: request.url().replace(base, ''),
        body: response?.ok() ? await response.body() : Buffer.alloc(0),
        startEpoch: request.timing().startTime,
      })),
    );
  });
  return {
    finish: async (timeOrigin) =>
      (await Promise.all(pending))
        .map((r) => ({ path: r.path, bytes: r.body.length, gzipBytes: gzipSize(r.body), startMs: r.startEpoch - timeOrigin }))
        .sort((a, b) => a.startMs - b.startMs),
  };
}

/** Draws a short stroke and returns when the edge view showed it (ms from navigation start). */
async function strokeShownAt(page: Page): Promise<number> {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('The drawing pad is not visible.');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
  await page.mouse.up();
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(10)) {
    const shown = (await takeEntries(page)).find((e) => e.name === PEN_TO_EDGES);
    if (shown) return shown.startTime + shown.duration;
  }
  return NaN;
}

/** One cold load; with `draw`, a short stroke is drawn as soon as the edge view shows. */
async function coldLoad(browser: Browser, url: string, draw: boolean, requests?: RequestRecord[]) {
  const { context, page } = await newObservedPage(browser);
  try {
    await page.addInitScript({ content: START_WATCHER });
    const recorder = requests ? recordRequests(page, url) : null;
    await page.goto(url);
    const edgeViewShown = await waitForStart(page, 'edges');
    const firstInputShown = draw ? await strokeShownAt(page) : NaN;
    const firstPrediction = await waitForStart(page, 'prediction');
    if (recorder && requests) {
      await sleep(1000);
      requests.push(...(await recorder.finish(await page.evaluate(() => performance.timeOrigin))));
    }
    return { edgeViewShown, firstPrediction, firstInputShown };
  } finally {
    await context.close();
  }
}

/**
 * `loads` cold loads without input (edge view shown, first prediction), and as many with a
 * stroke drawn the moment the edge view shows (when that stroke is shown in the edge view).
 */
export async function measureColdStart(browser: Browser, url: string, loads: number): Promise<ColdStartResult> {
  const requests: RequestRecord[] = [];
  const passive: Awaited<ReturnType<typeof coldLoad>>[] = [];
  const active: Awaited<ReturnType<typeof coldLoad>>[] = [];
  for (let i = 0; i < loads; i++) {
    passive.push(await coldLoad(browser, url, false, i === 0 ? requests : undefined));
    active.push(await coldLoad(browser, url, true));
  }
  return {
    loads,
    edgeViewShown: median(passive.map((r) => r.edgeViewShown)),
    firstPrediction: median(passive.map((r) => r.firstPrediction)),
    firstInputShown: median(active.map((r) => r.firstInputShown)),
    runs: passive.map((r, i) => ({ ...r, firstInputShown: active[i].firstInputShown })),
    requests,
  };
}
