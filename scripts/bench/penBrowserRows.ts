/** Report rows of section 1 as the browser measures it: every tab beside the bare page, idle and training. */
import type { TapPercentile } from './browserStats';
import type { PadFigures, PenBrowserResult } from './penBrowser';
import type { Row } from './report';

export const SECTION = '1 Pen, as the browser measures it (Event Timing, animation frames)';
/** The frame-rate targets: the bare page's rate on a 60 Hz display. */
export const MIN_FPS = 58;
export const MAX_P95_INTERVAL_MS = 20;
/** A tab's tap-to-next-paint p95 may exceed the bare page's by at most this. */
export const TAP_P95_MARGIN_MS = 16;

const tapMs = (p: TapPercentile) => (Number.isFinite(p.ms) ? `${p.under ? '<' : ''}${p.ms.toFixed(0)} ms` : 'n/a');
const intervalMs = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
const verdict = (ok: boolean): Row['verdict'] => (ok ? 'met' : 'NOT met');

function padRows(f: PadFigures, floor: PadFigures | undefined): Row[] {
  const t = f.taps;
  const s = f.stroke;
  const isFloor = f.page === 'bare';
  const name = isFloor ? f.label : `tab "${f.label}"`;
  const training = f.trainingRate === null ? '' : `, training ${f.trainingRate.toFixed(0)} digits/s`;
  const tapLimit = floor ? floor.taps.p95.ms + TAP_P95_MARGIN_MS : NaN;
  const framesOk = s.fps >= MIN_FPS && s.p95Interval <= MAX_P95_INTERVAL_MS;
  return [
    {
      section: SECTION,
      figure: `${f.condition} · ${name}: tap → next paint${training}`,
      value: `p50 ${tapMs(t.p50)} · p95 ${tapMs(t.p95)} · max ${tapMs(t.max)} (n=${t.taps}, ${t.under16} <16)`,
      target: isFloor || !floor ? '' : `p95 ≤ ${tapLimit.toFixed(0)} ms (floor + ${TAP_P95_MARGIN_MS})`,
      verdict: isFloor || !floor ? '' : verdict(t.p95.ms <= tapLimit),
    },
    {
      section: SECTION,
      figure: `  ${s.seconds.toFixed(1)} s stroke: frames`,
      value: `${s.fps.toFixed(1)} fps · p95 interval ${intervalMs(s.p95Interval)} · max ${intervalMs(s.maxInterval)} (${s.frames} frames, ${s.movesReceived}/${s.movesSent} moves)`,
      target: `≥ ${MIN_FPS} fps, p95 ≤ ${MAX_P95_INTERVAL_MS} ms`,
      verdict: verdict(framesOk),
    },
  ];
}

/** For each condition: the bare page first, then every tab against it. */
export function penBrowserRows(r: PenBrowserResult): Row[] {
  const rows: Row[] = [];
  for (const condition of ['idle', 'training'] as const) {
    const figures = r.figures.filter((f) => f.condition === condition);
    const floor = figures.find((f) => f.page === 'bare');
    for (const f of [...(floor ? [floor] : []), ...figures.filter((g) => g !== floor)]) rows.push(...padRows(f, floor));
  }
  return rows;
}
