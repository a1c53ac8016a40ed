import { useEffect, useLayoutEffect } from 'react';

/**
 * User Timing entries that `npm run bench` reads (scripts/bench/). Standard
 * `performance.mark` / `performance.measure` calls, so the browser's own DevTools
 * performance panel shows them too; no globals. All times are on the performance.now()
 * clock, which is also the clock of a DOM event's `timeStamp`.
 */

/** A mark at the `timeStamp` of each pointer down / move the drawing pad acts on. */
export const PEN_INPUT = 'convlens:pen-input';
/** From a pen input to the animation frame after the edge-filter view showing it committed. */
export const PEN_TO_EDGES = 'convlens:pen-to-edges';
/** From a pen input to the animation frame after every CNN view (layers, softmax) showing it committed. */
export const PEN_TO_PIXELS = 'convlens:pen-to-pixels';
/** The duration of one `runEdgeFilters` call (all four filters, threshold and pooling). */
export const EDGE_FILTERS = 'convlens:edge-filters';

/** User Timing keeps every entry; each name is cleared after this many, so memory stays bounded. */
const MAX_ENTRIES_PER_NAME = 1000;
/** Inputs waiting for a model that never answers (none loaded) are dropped beyond this. */
const MAX_IMAGES_WAITING = 64;

const entryCounts = new Map<string, number>();
/** Pen timestamps not yet attached to the image they produced. */
let unattached: number[] = [];
/** Every input image, oldest first, with the pen timestamps that produced it. */
let waiting: { image: object; stamps: number[] }[] = [];

const hasUserTiming = typeof performance !== 'undefined' && typeof performance.measure === 'function';

function countEntry(name: string, clear: (name: string) => void): void {
  const count = (entryCounts.get(name) ?? 0) + 1;
  entryCounts.set(name, count >= MAX_ENTRIES_PER_NAME ? 0 : count);
  if (count >= MAX_ENTRIES_PER_NAME) clear(name);
}

function measureSince(name: string, stamps: readonly number[], end: number): void {
  for (const start of stamps) {
    performance.measure(name, { start, end });
    countEntry(name, (n) => performance.clearMeasures(n));
  }
}

/** Measures `stamps` to the next animation frame (the frame that shows what just committed). */
function measureAtNextFrame(name: string, stamps: readonly number[]): void {
  if (!hasUserTiming || stamps.length === 0) return;
  requestAnimationFrame(() => measureSince(name, stamps, performance.now()));
}

/**
 * Records a pen input the drawing pad acted on; `timeStamp` is the DOM event's timeStamp
 * (ms on the performance.now() clock). Call it in the pointer handler, before dispatching.
 */
export function notePenInput(timeStamp: number): void {
  if (!hasUserTiming) return;
  unattached.push(timeStamp);
  performance.mark(PEN_INPUT, { startTime: timeStamp });
  countEntry(PEN_INPUT, (n) => performance.clearMarks(n));
}

/**
 * Measures pen-to-pixels in the component that owns the input image (`image`) and the
 * image the CNN views currently show (`cnnImage`, the `image` of `useLayerOutputs`).
 * Pen inputs are attached to the image they produced in the commit that renders it (a
 * layout effect, so no later input can slip in); the edge-filter view paints in that
 * commit's effects, the CNN views when their outputs for that image (or a newer one)
 * commit. Each measure ends in the animation frame after the commit.
 */
export function usePenToPixels(image: object | null, cnnImage: object | null): void {
  useLayoutEffect(() => {
    if (!image) return;
    waiting.push({ image, stamps: unattached });
    unattached = [];
    if (waiting.length > MAX_IMAGES_WAITING) waiting = waiting.slice(-MAX_IMAGES_WAITING);
  }, [image]);

  useEffect(() => {
    // The entry the layout effect just added (an image object can recur, e.g. the blank pad).
    const entry = waiting.findLast((w) => w.image === image);
    measureAtNextFrame(PEN_TO_EDGES, entry?.stamps ?? []);
  }, [image]);

  useEffect(() => {
    const shown = waiting.findIndex((w) => w.image === cnnImage);
    if (shown < 0) return;
    measureAtNextFrame(
      PEN_TO_PIXELS,
      waiting.slice(0, shown + 1).flatMap((w) => w.stamps),
    );
    waiting = waiting.slice(shown + 1);
  }, [cnnImage]);
}

/** Runs `work` and records its duration as a User Timing measure called `name`. */
export function timed<T>(name: string, work: () => T): T {
  if (!hasUserTiming) return work();
  const start = performance.now();
  const result = work();
  performance.measure(name, { start, end: performance.now() });
  countEntry(name, (n) => performance.clearMeasures(n));
  return result;
}
