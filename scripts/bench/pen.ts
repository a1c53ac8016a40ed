/**
 * Pen to pixels: replays scripted hand-drawn digits (e2e/data/strokes.json) on the drawing
 * pad with the mouse at a fixed pace, and collects the app's User Timing measures for each
 * pointer down / move the pad acted on (src/components/common/perfMarks.ts).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PEN_INPUT, PEN_TO_EDGES, PEN_TO_PIXELS, EDGE_FILTERS } from '../../src/components/common/perfMarks';
import { distribution, type Distribution } from './stats';
import { durations, sleep, takeEntries, type TimingEntry } from './browser';

type Point = readonly [number, number];
interface StrokeCase {
  readonly digit: number;
  readonly strokes: Point[][];
}

/** Which tab is open while drawing: the edge-filter lab, or every CNN layer. */
export type PenTab = 'filters' | 'network';

export interface PenResult {
  readonly tab: PenTab;
  readonly strokes: number;
  /** Pointer downs and moves sent, and those the page handled (Chromium coalesces moves within a frame). */
  readonly eventsSent: number;
  readonly eventsHandled: number;
  /** Handled events whose pen-to-pixels measure never came (should be 0). */
  readonly unanswered: number;
  readonly penToPixels: Distribution;
  readonly penToEdges: Distribution;
  readonly edgeFilters: Distribution;
  /** Single taps, each after the previous one was fully shown: the latency without any queue. */
  readonly taps: { readonly penToPixels: Distribution; readonly penToEdges: Distribution };
}

export interface PenOptions {
  readonly strokes: number;
  readonly taps: number;
  /** Milliseconds between pointer events within a stroke (16.7: a 60 Hz mouse or pen). */
  readonly intervalMs: number;
}

/** The scripted digits of the browser tests: 40 digits, 44 strokes, points as fractions of the pad. */
export function loadStrokeCases(root: string): StrokeCase[] {
  return (JSON.parse(readFileSync(`${root}/e2e/data/strokes.json`, 'utf8')) as { cases: StrokeCase[] }).cases;
}

/** Draws one stroke at a fixed pace; returns the number of pointer events sent (down + moves). */
async function drawPacedStroke(page: Page, points: readonly Point[], intervalMs: number): Promise<number> {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('The drawing pad is not visible.');
  const at = ([x, y]: Point) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]));
  const start = performance.now();
  await page.mouse.down();
  for (let i = 1; i < points.length; i++) {
    const wait = start + i * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    await page.mouse.move(...at(points[i]));
  }
  await page.mouse.up();
  return points.length;
}

/** Waits until every handled pen input has its pen-to-pixels measure (or `timeoutMs`), collecting entries. */
async function settle(page: Page, collected: TimingEntry[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    collected.push(...(await takeEntries(page)));
    const inputs = collected.filter((e) => e.name === PEN_INPUT).length;
    const shown = collected.filter((e) => e.name === PEN_TO_PIXELS).length;
    if (shown >= inputs || Date.now() > deadline) return;
    await sleep(20);
  }
}

/** Clears the pad and waits for the views to settle, discarding what that produced. */
async function clearPad(page: Page): Promise<void> {
  await page.getByTestId('clear').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="prediction"]')?.getAttribute('data-digit') === '', null, { polling: 'raf' });
  await sleep(50);
  await takeEntries(page);
}

/** `count` single taps (pointer down, up) at scattered places, each waited for; the pad is cleared every 8. */
async function tapAlone(page: Page, count: number): Promise<TimingEntry[]> {
  const collected: TimingEntry[] = [];
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('The drawing pad is not visible.');
  for (let i = 0; i < count; i++) {
    if (i % 8 === 0) await clearPad(page);
    const [fx, fy] = [0.2 + 0.6 * ((i * 0.618) % 1), 0.2 + 0.6 * ((i * 0.382) % 1)];
    await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
    await page.mouse.down();
    await page.mouse.up();
    await settle(page, collected, 10_000);
    await sleep(50);
  }
  return collected;
}

/**
 * Draws digits until `options.strokes` strokes are done, clearing the pad before each digit,
 * with `tab` open, then taps `options.taps` times; the app must already show its first prediction.
 */
export async function measurePenToPixels(page: Page, cases: readonly StrokeCase[], tab: PenTab, options: PenOptions): Promise<PenResult> {
  await page.getByTestId(`tab-${tab}`).click();
  const collected: TimingEntry[] = [];
  let strokes = 0;
  let sent = 0;
  for (let c = 0; strokes < options.strokes; c++) {
    await clearPad(page);
    for (const stroke of cases[c % cases.length].strokes) {
      sent += await drawPacedStroke(page, stroke, options.intervalMs);
      await settle(page, collected, 10_000);
      strokes++;
    }
  }
  const handled = collected.filter((e) => e.name === PEN_INPUT).length;
  const pixels = durations(collected, PEN_TO_PIXELS);
  const taps = await tapAlone(page, options.taps);
  return {
    tab,
    strokes,
    eventsSent: sent,
    eventsHandled: handled,
    unanswered: Math.max(0, handled - pixels.length),
    penToPixels: distribution(pixels),
    penToEdges: distribution(durations(collected, PEN_TO_EDGES)),
    edgeFilters: distribution(durations(collected, EDGE_FILTERS)),
    taps: { penToPixels: distribution(durations(taps, PEN_TO_PIXELS)), penToEdges: distribution(durations(taps, PEN_TO_EDGES)) },
  };
}
