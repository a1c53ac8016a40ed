/**
 * The smoke checks, the same in every engine, run in order on one page: the production build
 * opened once, as a student opens it. Each returns a short note for the report or throws.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attribute, boxOf, check, isShown, textOf, waitUntil, type EngineSession, type Point } from './session';
import { dataUrlBytes, SEVEN_PNG_EXPRESSION } from '../e2e/sevenPng';

export interface SmokeCheck {
  readonly name: string;
  /** The whole check fails after this long, wherever it is. */
  readonly timeoutMs: number;
  run(session: EngineSession, context: SmokeContext): Promise<string>;
}

export interface SmokeContext {
  /** The app's URL, ending in the base path. */
  readonly url: string;
  /** A folder for files the checks hand to the browser. */
  readonly scratch: string;
  /** The X display the browsers open their windows on. */
  readonly display: string;
}

/** The on-counts of the four thresholded edge maps of MNIST's first "2" (the article's numbers). */
export const DEFAULT_ON_COUNTS = [153, 134, 116, 131];

interface StrokeCase {
  readonly digit: number;
  readonly variant: string;
  readonly strokes: [number, number][][];
}
const STROKES = JSON.parse(readFileSync(new URL('../e2e/data/strokes.json', import.meta.url), 'utf8')) as { cases: StrokeCase[] };

function strokeCase(digit: number, variant: string): StrokeCase {
  const found = STROKES.cases.find((c) => c.digit === digit && c.variant === variant);
  if (!found) throw new Error(`e2e/data/strokes.json has no ${variant} ${digit}`);
  return found;
}

/**
 * Digits drawn with the pointer: the Chromium tests' quick "7" (four pointer moves per
 * segment), and a scripted hand-drawn "4" of two strokes (one move per point, as there).
 */
const DRAWINGS: readonly { readonly label: string; readonly digit: number; readonly steps: number; readonly strokes: readonly (readonly Point[])[] }[] = [
  {
    label: '7 (three-point stroke)',
    digit: 7,
    steps: 4,
    strokes: [
      [
        [0.3, 0.2],
        [0.7, 0.2],
        [0.45, 0.85],
      ],
    ],
  },
  ...[strokeCase(4, 'plain')].map((c) => ({
    label: `${c.digit} (${c.variant}, ${c.strokes.length} stroke${c.strokes.length > 1 ? 's' : ''})`,
    digit: c.digit,
    steps: 1,
    strokes: c.strokes,
  })),
];

/** `points` with `steps` evenly spaced points on every segment, the segment's end included. */
function interpolate(points: readonly Point[], steps: number): Point[] {
  const out: Point[] = [points[0]];
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    for (let s = 1; s <= steps; s++) out.push([ax + ((bx - ax) * s) / steps, ay + ((by - ay) * s) / steps]);
  }
  return out;
}

const TABS: readonly { readonly id: string; readonly content: string }[] = [
  { id: 'network', content: 'layer-conv1' },
  { id: 'training', content: 'train-start' },
  { id: 'lessons', content: 'stepper-output' },
  { id: 'filters', content: 'fired-map-0' },
];

async function onCounts(session: EngineSession): Promise<number[]> {
  return waitUntil(
    'the four edge maps to show their on-counts',
    () =>
      session.evaluate<(string | null)[]>(
        `[0, 1, 2, 3].map((i) => document.querySelector('[data-testid="fired-map-' + i + '"]')?.getAttribute('data-on-count') ?? null)`,
      ),
    (counts) => counts.every((c) => c !== null && c !== ''),
    30_000,
  ).then((counts) => counts.map(Number));
}

/** Waits until the shown prediction belongs to the current input and names a digit; returns it. */
async function settledPrediction(session: EngineSession, timeoutMs = 60_000): Promise<{ digit: string; confidence: number }> {
  const seen = await waitUntil(
    'a prediction of the current input',
    () =>
      session.evaluate<{ digit: string | null; upToDate: string | null; confidence: string | null }>(
        `(() => { const p = document.querySelector('[data-testid="prediction"]'); return { digit: p?.getAttribute('data-digit') ?? null, upToDate: p?.getAttribute('data-up-to-date') ?? null, confidence: p?.getAttribute('data-confidence') ?? null }; })()`,
      ),
    (p) => !!p.digit && p.upToDate === 'true',
    timeoutMs,
  );
  return { digit: seen.digit ?? '', confidence: Number(seen.confidence) };
}

async function waitForAttribute(
  session: EngineSession,
  testId: string,
  name: string,
  wanted: (value: string | null) => boolean,
  what: string,
  timeoutMs = 30_000,
) {
  return waitUntil(`${testId} ${what}`, () => attribute(session, testId, name), wanted, timeoutMs);
}

export const SMOKE_CHECKS: readonly SmokeCheck[] = [
  {
    name: 'opens the default "2": the four edge filters fire on 153/134/116/131 cells, and the CNN says 2',
    timeoutMs: 120_000,
    async run(session, { url }) {
      await session.open(url);
      await waitUntil('the edge-filter maps', () => isShown(session, 'fired-map-0'), Boolean, 60_000);
      const source = await textOf(session, 'input-source');
      check(source === 'MNIST digit 2, number 0', `the input is "${source}", not MNIST digit 2, number 0`);
      const counts = await onCounts(session);
      check(counts.join('/') === DEFAULT_ON_COUNTS.join('/'), `the edge maps fire on ${counts.join('/')} cells, not ${DEFAULT_ON_COUNTS.join('/')}`);
      const prediction = await settledPrediction(session, 90_000);
      check(prediction.digit === '2', `the CNN says ${prediction.digit}, not 2`);
      check(prediction.confidence > 0.5, `the CNN is only ${prediction.confidence} sure of the 2`);
      return `on-counts ${counts.join('/')}, predicted 2 at ${(prediction.confidence * 100).toFixed(0)} %`;
    },
  },
  {
    name: 'drawing with the pointer: a 7 and a two-stroke 4 are each predicted right',
    timeoutMs: 120_000,
    async run(session) {
      const results: string[] = [];
      for (const drawing of DRAWINGS) {
        await session.click('clear');
        await waitForAttribute(session, 'prediction', 'data-digit', (d) => d === '', 'to be empty after Clear');
        for (const stroke of drawing.strokes) {
          // The pad's box is read before every stroke: a page that reflows must not bend the digit.
          const box = await boxOf(session, 'draw-canvas');
          await session.stroke(interpolate(stroke, drawing.steps).map(([fx, fy]): Point => [box.x + fx * box.width, box.y + fy * box.height]));
        }
        const source = await textOf(session, 'input-source');
        const prediction = await settledPrediction(session);
        results.push(`${drawing.label} -> ${prediction.digit}`);
        check(
          prediction.digit === String(drawing.digit),
          `the drawn ${drawing.label} is predicted as ${prediction.digit} (input: "${source}"); all so far: ${results.join(', ')}`,
        );
      }
      return results.join(', ');
    },
  },
  {
    name: 'a PNG upload becomes the input: the edge maps and the prediction follow it',
    timeoutMs: 60_000,
    async run(session, { scratch }) {
      const before = await onCounts(session);
      // A real PNG made by the engine itself: a dark "7" on white, 120x160, which the app inverts and centres.
      const dataUrl = await session.evaluate<string>(SEVEN_PNG_EXPRESSION);
      check(dataUrl.startsWith('data:image/png;base64,'), `the engine made no PNG (${dataUrl.slice(0, 40)})`);
      const file = join(scratch, 'seven.png');
      writeFileSync(file, dataUrlBytes(dataUrl));
      await session.upload('upload-input', file);
      await waitUntil(
        'the upload to become the input',
        () => textOf(session, 'input-source'),
        (t) => t === 'Uploaded: seven.png',
        30_000,
      );
      const error = await textOf(session, 'input-error');
      check(error === null, `the upload was refused: ${error}`);
      const after = await onCounts(session);
      check(after.join('/') !== before.join('/'), `the edge maps still fire on ${before.join('/')} cells after the upload`);
      const total = after.reduce((a, b) => a + b, 0);
      check(total > 20, `the uploaded digit fires only ${total} cells`);
      const prediction = await settledPrediction(session);
      return `on-counts ${after.join('/')}, predicted ${prediction.digit}`;
    },
  },
  {
    name: 'every tab opens and shows its content (network, training, lessons, filters)',
    timeoutMs: 90_000,
    async run(session) {
      for (const tab of TABS) {
        await session.click(`tab-${tab.id}`);
        await waitForAttribute(session, `tab-${tab.id}`, 'aria-selected', (v) => v === 'true', 'to be selected');
        await waitUntil(`${tab.content} to show on the ${tab.id} tab`, () => isShown(session, tab.content), Boolean, 60_000);
      }
      return TABS.map((t) => t.id).join(', ');
    },
  },
  {
    name: 'a short training run (32 steps of 16 over 256 digits) in the training worker, on the backend its trial chose, lowers the loss and learns the held-out digits, on a named backend',
    timeoutMs: 240_000,
    async run(session) {
      await session.click('tab-training');
      await waitUntil(
        'Start training to be enabled',
        () => session.evaluate<boolean>(`document.querySelector('[data-testid="train-start"]')?.disabled === false`),
        Boolean,
        90_000,
      );
      // 2 epochs of 16 batches of 16: 32 steps over the same 256 digits, each seen twice, so the
      // loss falls far beyond the noise of one batch; short, as the held-out set is scored each epoch.
      await session.select('train-examples', '256');
      await session.select('train-batch', '16');
      await session.select('train-epochs', '2');
      await session.click('train-start');
      const phase = await waitForAttribute(
        session,
        'train-progress',
        'data-phase',
        (p) => p === 'finished' || p === 'stopped' || p === 'failed',
        'to finish',
        200_000,
      );
      if (phase !== 'finished') {
        const alert = await session.evaluate<string | null>(`document.querySelector('[data-testid="training-panel"] [role="alert"]')?.textContent ?? null`);
        check(false, `training ended in phase ${phase}${alert ? `: ${alert}` : ''}`);
      }
      const first = Number(await attribute(session, 'chart-loss', 'data-first'));
      const last = Number(await attribute(session, 'chart-loss', 'data-last'));
      check(Number.isFinite(first) && Number.isFinite(last) && first > 0, `the loss chart shows no loss (first ${first}, last ${last})`);
      // One batch of 16 is a noisy measure: its loss falls to a third on most runs, so a fall of a
      // fifth is the least to expect; the held-out accuracy (1,000 digits, chance is 10 %) is steady.
      check(last < first * 0.8, `the loss fell only from ${first.toFixed(3)} to ${last.toFixed(3)} in 32 steps`);
      const heldOut = Number(await attribute(session, 'train-heldout', 'data-accuracy'));
      check(heldOut >= 0.4, `after 32 steps only ${(heldOut * 100).toFixed(0)} % of the held-out digits are right`);
      const backend = await attribute(session, 'backend', 'data-backend');
      const shown = await textOf(session, 'backend');
      check(!!backend && !!shown?.includes(backend), `the status bar names no backend (data-backend "${backend}", text "${shown}")`);
      const notice = await textOf(session, 'backend-notice');
      check(
        backend === 'webgl',
        `training ran on ${backend}, not webgl: WebGL did not start (${notice ?? 'no notice'}); on Xvfb WebGL needs Mesa's software renderer (Debian package libgl1-mesa-dri)`,
      );
      // The run itself trains in the training worker, on the backend its measured trial chose.
      const trainedOn = await attribute(session, 'train-backend', 'data-backend');
      const inWorker = await attribute(session, 'train-backend', 'data-in-worker');
      const chosen = await attribute(session, 'train-backend-rates', 'data-choice');
      const rates = await attribute(session, 'train-backend-rates', 'data-rates');
      check(
        inWorker === 'true' && !!trainedOn && trainedOn === chosen,
        `the run trained on ${trainedOn} ${inWorker === 'true' ? 'in the worker' : 'on the page'}, not in the worker on the backend its trial chose (${chosen}; ${rates})`,
      );
      return `loss ${first.toFixed(3)} -> ${last.toFixed(3)}, held-out accuracy ${(heldOut * 100).toFixed(0)} %, page backend ${backend}, trained on ${trainedOn} in the worker (trial ${rates})`;
    },
  },
];

/** The last check: nothing went wrong in the page during all the others. */
export const NO_PROBLEMS_CHECK_NAME = 'no page error, console error or failed request during the run (and errors made on purpose at the end are seen)';
