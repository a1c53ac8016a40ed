/**
 * Report rows of section 2, training throughput: the Train button beside the bare loop in a
 * worker (same backend, loop, settings and digits) and beside convnetjs in a worker, with the
 * product's two targets; then the page's older figures, labelled as on the page.
 */
import type { WorkerThroughput } from './pageWorkers';
import type { Row } from './report';
import type { TrainingFigures } from './training';

export const SECTION = '2 Training throughput';
/** The Train button against the bare loop in a worker: at least this ratio. */
export const MIN_RATIO_TO_BARE_LOOP = 0.95;
/** The Train button against convnetjs in a worker: at least this ratio. */
export const MIN_RATIO_TO_CONVNETJS = 1.5;

const rate = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ex/s` : 'n/a');
const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const verdict = (ok: boolean): Row['verdict'] => (ok ? 'met' : 'NOT met');

/** Where the Train button's run trained, in words: e.g. "wasm, in the app's worker". */
export function appUiWhere(backend: string, inWorker: string): string {
  const where = inWorker === 'true' ? "in the app's worker" : inWorker === 'false' ? 'on the page' : 'where: not reported';
  return `${backend || 'backend not reported'}, ${where}`;
}

/** Why the Train button's run and a worker figure are not like with like; null when they are. */
export function notComparable(appBackend: string, appInWorker: string, worker: WorkerThroughput): string | null {
  if (appInWorker !== 'true') return 'the Train button did not train in its worker';
  if (worker.backend !== null && worker.backend !== appBackend)
    return `the Train button trained on ${appBackend || '?'}, the bench worker on ${worker.backend}`;
  return null;
}

function ratioRow(figure: string, ratio: number, min: number, problem: string | null): Row {
  if (problem) return { section: SECTION, figure, value: times(ratio), target: `≥ ${min}× (not comparable: ${problem})`, verdict: '' };
  return { section: SECTION, figure, value: times(ratio), target: `≥ ${min}×`, verdict: verdict(ratio >= min) };
}

/** Every training-throughput row; `pageBackend` is the page's own tfjs backend (the page figures'). */
export function trainingRows(t: TrainingFigures, pageBackend: string | undefined): Row[] {
  const { appUi, workerLoop, workerHandler, workerConvnetjs, onPage } = t;
  const window = `batch ${t.config.batchSize}, examples ${t.window.from}–${t.window.to} of the run`;
  const [before, after] = workerLoop;
  const bareLoop = (before.examplesPerSecond + after.examplesPerSecond) / 2;
  const app = appUi.examplesPerSecond;
  const row = (figure: string, value: string): Row => ({ section: SECTION, figure, value, target: '', verdict: '' });
  return [
    row(`Train button, live charts (${appUiWhere(appUi.backend, appUi.inWorker)}; ${window})`, rate(app)),
    row(
      `bare loop in a worker (trainModel alone, ${before.backend ?? '?'}, nobody listening), mean of the runs before · after the Train button's`,
      `${rate(bareLoop)} (${rate(before.examplesPerSecond)} · ${rate(after.examplesPerSecond)})`,
    ),
    row(
      `the app worker's handler in a worker (${workerHandler.backend ?? '?'}), its messages posted to a page that does not read them`,
      rate(workerHandler.examplesPerSecond),
    ),
    ratioRow('ratio Train button / bare loop in a worker', app / bareLoop, MIN_RATIO_TO_BARE_LOOP, notComparable(appUi.backend, appUi.inWorker, before)),
    row('convnetjs in a worker, same network, digits and batch size', rate(workerConvnetjs.examplesPerSecond)),
    ratioRow(
      'ratio Train button / convnetjs in a worker',
      app / workerConvnetjs.examplesPerSecond,
      MIN_RATIO_TO_CONVNETJS,
      notComparable(appUi.backend, appUi.inWorker, workerConvnetjs),
    ),
    row(
      `on the page's main thread (${pageBackend ?? '?'}): ConvLens loop alone (trainModel, no UI; ${t.config.examples} digits)`,
      rate(onPage.loopOnly.examplesPerSecond),
    ),
    row(`on the page's main thread (${pageBackend ?? '?'}): bare model.fit, same model and batch size`, rate(onPage.bareFit.examplesPerSecond)),
    row("on the page's main thread: convnetjs, same network", rate(onPage.convnetjs.examplesPerSecond)),
  ];
}
