/**
 * Pen input as the browser itself measures it, on any page with a drawing pad
 * (`[data-testid="draw-canvas"]`): the Event Timing duration of taps (from the pointer event to
 * the next paint after its handlers ran) and the intervals between animation frames during a
 * continuous stroke. Input is real: Playwright's mouse, through the browser's input pipeline.
 */
import type { BrowserContext, Page } from '@playwright/test';
import {
  EVENT_THRESHOLD_MS,
  summariseFrames,
  summariseTaps,
  tapDurations,
  type EventEntry,
  type FrameSummary,
  type TapSummary,
  type TapWindow,
} from './browserStats';

interface InputRecord {
  readonly entries: EventEntry[];
  readonly taps: { down: number; last: number }[];
  moves: number;
  frames: number[] | null;
}

declare global {
  interface Window {
    __benchInput?: InputRecord;
  }
}

/**
 * Before any script of the context's pages: a PerformanceObserver for Event Timing entries
 * (`type: 'event'`, `durationThreshold: 16`, `buffered: true`), and passive capture listeners
 * that note the timeStamps of the pad's pointer downs, ups and clicks and count its pressed moves.
 */
export async function observeBrowserInput(context: BrowserContext): Promise<void> {
  await context.addInitScript((threshold: number) => {
    const record: InputRecord = { entries: [], taps: [], moves: 0, frames: null };
    window.__benchInput = record;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) record.entries.push({ name: e.name, startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: threshold, buffered: true } as PerformanceObserverInit);
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'mouseup', 'click']) {
      addEventListener(
        type,
        (event) => {
          const e = event as PointerEvent;
          if (!(e.target instanceof Element) || !e.target.closest('[data-testid="draw-canvas"]')) return;
          const tap = record.taps[record.taps.length - 1];
          if (type === 'pointerdown') record.taps.push({ down: e.timeStamp, last: e.timeStamp });
          else if (type === 'pointermove') record.moves += e.buttons ? 1 : 0;
          else if (tap) tap.last = Math.max(tap.last, e.timeStamp);
        },
        { capture: true, passive: true },
      );
    }
  }, EVENT_THRESHOLD_MS);
}

/** Resolves after `count` animation frames of the page, then an idle moment (at most `idleMs` later). */
export function framesThenIdle(page: Page, count: number, idleMs: number): Promise<void> {
  return page.evaluate(
    async ([n, idle]) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: idle }));
    },
    [count, idleMs] as const,
  );
}

async function padBox(page: Page) {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error(`${page.url()}: the drawing pad is not visible.`);
  return box;
}

export interface TapResult extends TapSummary {
  /** Pointer downs the pad received (must equal the taps made). */
  readonly received: number;
}

/**
 * `count` taps (pointer down, up) at scattered places on the pad, each followed by an animation
 * frame and an idle moment of the page (at most 200 ms); `beforeTap(i)` runs first (e.g. to
 * clear the pad). Each tap's duration is its longest Event Timing entry, or "< 16 ms" with none.
 */
export async function measureTaps(page: Page, count: number, beforeTap: (i: number) => Promise<void> = async () => {}): Promise<TapResult> {
  const startAt = await page.evaluate(() => ({ taps: window.__benchInput!.taps.length, entries: window.__benchInput!.entries.length }));
  for (let i = 0; i < count; i++) {
    await beforeTap(i);
    const box = await padBox(page);
    const [fx, fy] = [0.2 + 0.6 * ((i * 0.618) % 1), 0.2 + 0.6 * ((i * 0.382) % 1)];
    await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
    await page.mouse.down();
    await page.mouse.up();
    await framesThenIdle(page, 1, 200);
  }
  // Entries come after the paint they measure is presented: give the last tap a few frames.
  await framesThenIdle(page, 5, 500);
  const { taps, entries } = await page.evaluate((from) => {
    const r = window.__benchInput!;
    return { taps: r.taps.slice(from.taps), entries: r.entries.slice(from.entries) };
  }, startAt);
  if (taps.length !== count) throw new Error(`${page.url()}: ${count} taps made, the pad received ${taps.length}.`);
  return { ...summariseTaps(tapDurations(taps as TapWindow[], entries)), received: taps.length };
}

export interface StrokeResult extends FrameSummary {
  readonly seconds: number;
  /** Mouse moves sent (Playwright `steps`), and pressed pointer moves the pad received (Chromium coalesces them per frame). */
  readonly movesSent: number;
  readonly movesReceived: number;
}

/**
 * One continuous stroke of `seconds`: mouse down, then `page.mouse.move(…, { steps: 4 })` along a
 * looping curve over the pad until the time is up, then up; the page's requestAnimationFrame
 * timestamps during it give the frame rate and the intervals between frames.
 */
export async function measureStroke(page: Page, seconds: number): Promise<StrokeResult> {
  const box = await padBox(page);
  const at = (t: number) => [box.x + box.width * (0.5 + 0.35 * Math.sin(t * 2.1)), box.y + box.height * (0.5 + 0.35 * Math.sin(t * 3.3 + 0.7))] as const;
  const movesBefore = await page.evaluate(() => {
    const r = window.__benchInput!;
    const frames: number[] = [];
    r.frames = frames;
    // Every frame's timestamp until the bench takes the list (no named function: see above).
    void (async () => {
      while (r.frames === frames) frames.push(await new Promise<number>((resolve) => requestAnimationFrame(resolve)));
    })();
    return r.moves;
  });
  const steps = 4;
  let sent = 0;
  await page.mouse.move(...at(0));
  await page.mouse.down();
  const start = performance.now();
  for (let elapsed = 0; elapsed < seconds * 1000; elapsed = performance.now() - start) {
    await page.mouse.move(...at(elapsed / 1000 + 0.05), { steps });
    sent += steps;
  }
  await page.mouse.up();
  const took = (performance.now() - start) / 1000;
  // The frames from the stroke's pointer down to its pointer up, on the page's clock.
  const { frames, moves } = await page.evaluate(() => {
    const r = window.__benchInput!;
    const stroke = r.taps[r.taps.length - 1];
    const frames = (r.frames ?? []).filter((t) => stroke && t >= stroke.down && t <= stroke.last);
    r.frames = null;
    return { frames, moves: r.moves };
  });
  return { ...summariseFrames(frames), seconds: took, movesSent: sent, movesReceived: moves - movesBefore };
}
