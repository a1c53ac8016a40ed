/**
 * The bench report: every figure as a row (section, figure, value, target, verdict), printed
 * as a table and written as JSON. Verdicts only report; nothing here fails a run.
 */
import type { ColdStartResult, RequestRecord } from './coldStart';
import type { LeakResult } from './leaks';
import type { MachineInfo } from './machine';
import type { PenResult } from './pen';
import type { PenBrowserResult } from './penBrowser';
import { penBrowserRows } from './penBrowserRows';
import type { LearningResult } from './protocol';
import type { Distribution } from './stats';
import type { TrainingFigures } from './training';
import { trainingRows } from './trainingRows';
import { totalGzip, type BuildWeight } from './weight';

export interface PredictFigures {
  readonly barePredict: Distribution;
  readonly everyLayer: Distribution;
  readonly plainPass: Distribution;
  /** The shipped model that was timed: conv filters per block, parameters. */
  readonly model: { readonly conv: string; readonly parameters: number };
}

export interface BenchResults {
  readonly machine: MachineInfo;
  readonly settings: Record<string, unknown>;
  pen?: { readonly dist: PenResult[]; readonly benchPage: PenResult | null; readonly predict: PredictFigures | null };
  penBrowser?: PenBrowserResult;
  training?: TrainingFigures;
  learning?: LearningResult;
  coldStart?: ColdStartResult;
  weight?: BuildWeight & { readonly requested: RequestRecord[] };
  leaks?: LeakResult;
}

export interface Row {
  readonly section: string;
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  readonly verdict: '' | 'met' | 'NOT met';
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 1 : 0)} ms` : 'n/a');
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const verdict = (ok: boolean): Row['verdict'] => (ok ? 'met' : 'NOT met');
const p50p95 = (d: Distribution) => `p50 ${ms(d.p50)} · p95 ${ms(d.p95)} (n=${d.count})`;

function penRows(pen: NonNullable<BenchResults['pen']>): Row[] {
  const S = "1 Pen to pixels, the app's own User Timing marks";
  const rows: Row[] = [];
  for (const r of pen.dist) {
    const view = r.tab === 'network' ? 'every CNN layer + softmax ("Inside the CNN" tab)' : 'edge filters + softmax ("Edge filters" tab)';
    rows.push({
      section: S,
      figure: `pen → ${view}, ${r.strokes} strokes`,
      value: p50p95(r.penToPixels),
      target: 'p95 ≤ 16 ms',
      verdict: verdict(r.penToPixels.p95 <= 16),
    });
    rows.push({ section: S, figure: `  the same, single taps (nothing queued)`, value: p50p95(r.taps.penToPixels), target: '', verdict: '' });
  }
  const filters = pen.dist.find((r) => r.tab === 'filters') ?? pen.dist[0];
  if (filters) {
    rows.push({ section: S, figure: 'pen → edge-filter view shown', value: p50p95(filters.penToEdges), target: '', verdict: '' });
    rows.push({ section: S, figure: '  the same, single taps (nothing queued)', value: p50p95(filters.taps.penToEdges), target: '', verdict: '' });
    rows.push({
      section: S,
      figure: 'edge-filter update (runEdgeFilters) per move',
      value: p50p95(filters.edgeFilters),
      target: '≤ 4 ms',
      verdict: verdict(filters.edgeFilters.p95 <= 4),
    });
  }
  const { predict, benchPage: same } = pen;
  if (!predict) return rows;
  rows.push({
    section: S,
    figure: `bare model.predict, shipped model (conv ${predict.model.conv})`,
    value: p50p95(predict.barePredict),
    target: '',
    verdict: '',
  });
  rows.push({
    section: S,
    figure: 'every-layer pass on tfjs (computeLayerOutputs, used while training)',
    value: p50p95(predict.everyLayer),
    target: '',
    verdict: '',
  });
  rows.push({
    section: S,
    figure: "the app's every-layer pass in plain JavaScript (PlainNetwork.run)",
    value: p50p95(predict.plainPass),
    target: '',
    verdict: '',
  });
  if (same) {
    const overhead = same.penToPixels.p95 - predict.barePredict.p95;
    rows.push({
      section: S,
      figure: `same page as the bare predict: pen → every CNN layer, ${same.strokes} strokes`,
      value: p50p95(same.penToPixels),
      target: '',
      verdict: '',
    });
    rows.push({
      section: S,
      figure: 'ConvLens overhead beyond bare predict (p95 − p95, same page)',
      value: ms(overhead),
      target: '≤ 8 ms',
      verdict: verdict(overhead <= 8),
    });
    rows.push({
      section: S,
      figure: '  the same for single taps (nothing queued)',
      value: ms(same.taps.penToPixels.p95 - predict.barePredict.p95),
      target: '',
      verdict: '',
    });
  }
  return rows;
}

function learningRows(l: LearningResult): Row[] {
  const value = l.reached
    ? `${l.trainSeconds.toFixed(0)} s (${l.examplesSeen} digits; ${l.wallSeconds.toFixed(0)} s with evaluations)`
    : `not reached in ${l.trainSeconds.toFixed(0)} s (best ${(100 * l.bestAccuracy).toFixed(1)}%)`;
  return [
    {
      section: '3 Learning speed',
      figure: 'training from scratch to 97% held-out',
      value,
      target: '≤ 60 s',
      verdict: verdict(l.reached && l.trainSeconds <= 60),
    },
  ];
}

function coldRows(c: ColdStartResult): Row[] {
  const S = `4 Cold start (median of ${c.loads})`;
  return [
    { section: S, figure: 'navigation → edge-filter view shown', value: ms(c.edgeViewShown), target: '', verdict: '' },
    {
      section: S,
      figure: 'navigation → interactive (a stroke drawn as soon as it shows, shown)',
      value: ms(c.firstInputShown),
      target: '≤ 1000 ms',
      verdict: verdict(c.firstInputShown <= 1000),
    },
    { section: S, figure: 'navigation → first CNN prediction', value: ms(c.firstPrediction), target: '≤ 3000 ms', verdict: verdict(c.firstPrediction <= 3000) },
  ];
}

function weightRows(w: NonNullable<BenchResults['weight']>, edgeViewShown: number | null): Row[] {
  const S = '5 Weight (gzip)';
  const initialJs = totalGzip(w.initialJs);
  const lazyJs = w.later.filter((f) => f.path.endsWith('.js'));
  const rows: Row[] = [
    {
      section: S,
      figure: `initial JavaScript (${w.initialJs.map((f) => f.path).join(', ')})`,
      value: kb(initialJs),
      target: '≤ 150 KB',
      verdict: verdict(initialJs <= 150_000),
    },
    { section: S, figure: 'initial CSS', value: kb(totalGzip(w.initialCss)), target: '', verdict: '' },
    { section: S, figure: 'loaded later: JavaScript (tfjs and the model code)', value: kb(totalGzip(lazyJs)), target: '', verdict: '' },
    { section: S, figure: 'loaded later: model + MNIST data', value: kb(totalGzip(w.later.filter((f) => !f.path.endsWith('.js')))), target: '', verdict: '' },
  ];
  if (w.requested.length) {
    const total = w.requested.reduce((s, r) => s + r.gzipBytes, 0);
    rows.push({ section: S, figure: `cross-check: all a cold load requested (${w.requested.length} requests)`, value: kb(total), target: '', verdict: '' });
    const tfjs = lazyJs.map((f) => w.requested.find((r) => r.path === f.path)).find((r) => r);
    if (tfjs && edgeViewShown !== null) {
      rows.push({
        section: S,
        figure: 'tfjs chunk requested at (edge view shown at)',
        value: `${ms(tfjs.startMs)} (${ms(edgeViewShown)})`,
        target: 'after the edge view',
        verdict: verdict(tfjs.startMs >= edgeViewShown),
      });
    }
  }
  return rows;
}

function leakRows(l: LeakResult): Row[] {
  const S = '6 Leaks';
  const rows: Row[] = l.readings.map((r) => ({
    section: S,
    figure: `${r.label}: tensors · JS heap`,
    value: `${r.tensors} · ${mb(r.heapBytes)}`,
    target: '',
    verdict: '',
  }));
  const updates = l.readings.filter((r) => r.label.endsWith('updates'));
  if (updates.length >= 2) {
    const [a, b] = [updates[0], updates[updates.length - 1]];
    rows.push({
      section: S,
      figure: `tensor growth, update ${a.updates} → ${b.updates}`,
      value: String(b.tensors - a.tensors),
      target: '0',
      verdict: verdict(b.tensors === a.tensors),
    });
    rows.push({
      section: S,
      figure: `heap growth, update ${a.updates} → ${b.updates}`,
      value: mb(b.heapBytes - a.heapBytes),
      target: '< 5 MB',
      verdict: verdict(b.heapBytes - a.heapBytes < 5e6),
    });
  }
  const load = l.readings[0];
  const reset = l.readings[l.readings.length - 1];
  rows.push({
    section: S,
    figure: `tensors after ${l.trainingRuns} training runs and Reset vs after load`,
    value: `${reset.tensors} vs ${load.tensors}`,
    target: 'equal',
    verdict: verdict(reset.tensors === load.tensors),
  });
  return rows;
}

/** Every figure of the results as report rows, section by section. */
export function reportRows(r: BenchResults): Row[] {
  return [
    ...(r.penBrowser ? penBrowserRows(r.penBrowser) : []),
    ...(r.pen ? penRows(r.pen) : []),
    ...(r.training ? trainingRows(r.training, r.machine.backend) : []),
    ...(r.learning ? learningRows(r.learning) : []),
    ...(r.coldStart ? coldRows(r.coldStart) : []),
    ...(r.weight ? weightRows(r.weight, r.coldStart?.edgeViewShown ?? null) : []),
    ...(r.leaks ? leakRows(r.leaks) : []),
  ];
}

/** The machine lines and the table, as text. */
export function formatReport(r: BenchResults, rows: readonly Row[]): string {
  const m = r.machine;
  const header = [
    `ConvLens bench, ${m.date}`,
    `machine: ${m.os}; ${m.cpus}; ${m.memoryGB} GB; node ${m.node}; Chromium ${m.chromium}`,
    `tfjs ${m.tfjs ?? '?'} on ${m.backend ?? '?'} (${m.webglRenderer ?? '?'}); one-minute load average ${m.loadAverageAtStart} at start, ${m.loadAverageAtEnd ?? '?'} at end`,
    m.loadDuringRun
      ? `load average during the run: min ${m.loadDuringRun.min}, mean ${m.loadDuringRun.mean}, max ${m.loadDuringRun.max} (the bench alone keeps it at about 1-2; more means other work shared the CPUs)`
      : '',
    '',
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => [row.figure, row.value, row.target, row.verdict][i].length), 6));
  const lines: string[] = [];
  let section = '';
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      lines.push('', section);
    }
    lines.push(`  ${row.figure.padEnd(widths[0])}  ${row.value.padEnd(widths[1])}  ${row.target.padEnd(widths[2])}  ${row.verdict}`);
  }
  const notes = r.penBrowser ? ['', `Section 1, as the browser measures it: ${r.penBrowser.method}`] : [];
  return [...header, ...lines.slice(1), ...notes].join('\n');
}
