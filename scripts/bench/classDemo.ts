/**
 * The class demo as a teacher runs it: a fresh page per seed (its own backend choice, shader
 * compilation and data), the Train tab, the class-demo preset, Start. Records, per seed, the
 * seconds from the click on Start to the first held-out score (`train-heldout`, scored on the
 * app's held-out 1,000 at each epoch's end) at or above the target, and the final score.
 * Each page's Math.random is seeded, so the run's seed (the app draws it from Math.random)
 * and tfjs's dropout masks repeat for a seed. It reports; it never fails on a slow figure.
 */
import type { Browser } from '@playwright/test';
import { loadAverage } from './machine';
import { newObservedPage, waitForPrediction } from './browser';

/** One held-out score as the page showed it. */
export interface HeldOutEvent {
  readonly epoch: number;
  readonly accuracy: number;
  /** Seconds after the click on Start. */
  readonly seconds: number;
}

export interface ClassDemoSeed {
  readonly seed: number;
  /** The backend the run trained on and where, e.g. "wasm (worker)". */
  readonly backend: string;
  /** Seconds from navigation until the prediction, backend and tensor count were on screen. */
  readonly appReadySeconds: number;
  /** Seconds from the click on Start to the first held-out score >= target, or null. */
  readonly secondsToTarget: number | null;
  readonly epochAtTarget: number | null;
  /** The last held-out score, its epoch, and when the run ended (seconds after the click). */
  readonly finalAccuracy: number | null;
  readonly finalEpoch: number;
  readonly endSeconds: number;
  readonly endPhase: string;
  readonly heldOut: readonly HeldOutEvent[];
  readonly loadBefore: number;
  readonly loadAfter: number;
}

export interface ClassDemoResult {
  readonly target: number;
  readonly seeds: readonly ClassDemoSeed[];
}

interface Recorder {
  clickAt: number | null;
  heldOut: { epoch: number; accuracy: number; at: number }[];
  phase: string;
}

declare global {
  interface Window {
    __classDemo?: Recorder;
  }
}

/** Seeds the page's Math.random and records the click on Start and every held-out score. */
function instrument(seed: number): void {
  let state = seed >>> 0;
  Math.random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const recorder: Recorder = { clickAt: null, heldOut: [], phase: '' };
  window.__classDemo = recorder;
  document.addEventListener(
    'click',
    (e) => {
      if ((e.target as Element | null)?.closest?.('[data-testid="train-start"]') && recorder.clickAt === null) recorder.clickAt = performance.now();
    },
    true,
  );
  const observe = () =>
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        const id = el.getAttribute('data-testid');
        if (id === 'train-progress') recorder.phase = el.getAttribute('data-phase') ?? '';
      }
      const score = document.querySelector('[data-testid="train-heldout"]');
      const epoch = Number(score?.getAttribute('data-epoch'));
      if (score && recorder.clickAt !== null && !recorder.heldOut.some((h) => h.epoch === epoch)) {
        recorder.heldOut.push({ epoch, accuracy: Number(score.getAttribute('data-accuracy')), at: performance.now() });
      }
    }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase', 'data-accuracy', 'data-epoch'] });
  if (document.documentElement) observe();
  else document.addEventListener('DOMContentLoaded', observe);
}

async function oneSeed(browser: Browser, url: string, seed: number, target: number, capSeconds: number): Promise<ClassDemoSeed> {
  const { context, page } = await newObservedPage(browser);
  try {
    // tsx names this script's functions through a `__name` helper the page does not have.
    await context.addInitScript({ content: `var __name = (f) => f; (${instrument.toString()})(${seed});` });
    const loadBefore = loadAverage();
    const navigated = Date.now();
    await page.goto(url);
    await waitForPrediction(page);
    const appReadySeconds = (Date.now() - navigated) / 1000;
    await page.getByTestId('tab-training').click();
    await page.getByTestId('train-preset').selectOption('class-demo');
    await page.getByTestId('train-start').click();
    await page
      .waitForFunction(
        (t) => {
          const r = window.__classDemo!;
          return /finished|stopped|failed/.test(r.phase) || r.heldOut.some((h) => h.accuracy >= t) ? true : null;
        },
        target,
        { timeout: capSeconds * 1000, polling: 250 },
      )
      .catch(() => undefined);
    // Past the target (or the cap), the run is left to finish for its final score, within the cap.
    await page
      .waitForFunction(() => /finished|stopped|failed/.test(window.__classDemo!.phase), null, { timeout: capSeconds * 1000, polling: 500 })
      .catch(() => undefined);
    const r = await page.evaluate(() => ({ ...window.__classDemo!, now: performance.now() }));
    // The backend the run trained on, and where: in the training worker or on the page.
    const trainedOn = page.getByTestId('train-backend');
    const backend = `${(await trainedOn.getAttribute('data-backend')) || '?'} (${(await trainedOn.getAttribute('data-in-worker')) === 'true' ? 'worker' : 'page'})`;
    if (r.clickAt === null) throw new Error('The click on Start was not seen.');
    const clickAt = r.clickAt;
    const heldOut = r.heldOut.map((h) => ({ epoch: h.epoch, accuracy: h.accuracy, seconds: (h.at - clickAt) / 1000 }));
    const hit = heldOut.find((h) => h.accuracy >= target) ?? null;
    const last = heldOut[heldOut.length - 1];
    return {
      seed,
      backend,
      appReadySeconds,
      secondsToTarget: hit?.seconds ?? null,
      epochAtTarget: hit?.epoch ?? null,
      finalAccuracy: last?.accuracy ?? null,
      finalEpoch: last?.epoch ?? 0,
      endSeconds: (r.now - clickAt) / 1000,
      endPhase: r.phase,
      heldOut,
      loadBefore,
      loadAfter: loadAverage(),
    };
  } finally {
    await context.close();
  }
}

/** Runs the class demo once per seed, one fresh page each, one after the other. */
export async function measureClassDemo(
  browser: Browser,
  url: string,
  seeds: readonly number[],
  target: number,
  capSeconds: number,
  log: (line: string) => void,
): Promise<ClassDemoResult> {
  const results: ClassDemoSeed[] = [];
  for (const seed of seeds) {
    const r = await oneSeed(browser, url, seed, target, capSeconds);
    log(`class demo seed ${seed}: ${formatSeed(r, target)}`);
    results.push(r);
  }
  return { target, seeds: results };
}

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)} %`);

function formatSeed(r: ClassDemoSeed, target: number): string {
  const reached = r.secondsToTarget === null ? `not ${pct(target)}` : `${pct(target)} after ${r.secondsToTarget.toFixed(1)} s (epoch ${r.epochAtTarget})`;
  return `${r.backend}, app ready ${r.appReadySeconds.toFixed(1)} s; ${reached}; final ${pct(r.finalAccuracy)} (epoch ${r.finalEpoch}, ${r.endPhase} ${r.endSeconds.toFixed(1)} s); load ${r.loadBefore} -> ${r.loadAfter}`;
}

/** The class-demo table of the bench report. */
export function formatClassDemo(result: ClassDemoResult): string {
  const lines = [`Class demo (seconds from Start to held-out >= ${pct(result.target)}; one fresh page per seed)`];
  lines.push('seed | backend | app ready s | to target s | epoch | final held-out | run end s | load before -> after');
  for (const r of result.seeds) {
    lines.push(
      `${r.seed} | ${r.backend} | ${r.appReadySeconds.toFixed(1)} | ${r.secondsToTarget === null ? 'not reached' : r.secondsToTarget.toFixed(1)} | ${r.epochAtTarget ?? '–'} | ${pct(r.finalAccuracy)} | ${r.endSeconds.toFixed(1)} (${r.endPhase}) | ${r.loadBefore} -> ${r.loadAfter}`,
    );
  }
  return lines.join('\n');
}
