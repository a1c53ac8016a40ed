/**
 * `npx tsx scripts/pen-fps.ts`: how smoothly the page keeps drawing frames while a pen draws.
 * Draws a 3-second stroke of real pointer input (page.mouse, about 60 moves a second) on the
 * drawing pad of each tab named, and records the intervals between animation frames during
 * the stroke; then taps the pad and records each tap's Event Timing duration (input to the
 * next paint). The same on a bare page holding only a canvas that draws the stroke: the
 * ceiling this browser on this machine reaches.
 *
 * Several builds can be measured in one run (so they share the machine's load), in turns:
 *   npx tsx scripts/pen-fps.ts --dist before=/tmp/dist-before --dist after=dist
 * Options: --tabs network,filters,training,lessons (default network)  --rounds N (default 3)
 * It reports what it measured; it never fails on a slow figure.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { launchBrowser, newObservedPage, sleep, waitForPrediction } from './bench/browser';
import { loadAverage } from './bench/machine';
import { startStaticServer, type StaticServer } from './bench/servers';
import { distribution, percentile } from './bench/stats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STROKE_MS = 3000;
const MOVE_MS = 1000 / 60;
const TAPS = 12;

/** A bare drawing page: one canvas that draws the pen's line on every move, nothing else. */
const BARE_PAGE = `<!doctype html><html><body style="margin:40px">
<canvas data-testid="draw-canvas" width="280" height="280" style="width:240px;height:240px;background:#000;touch-action:none"></canvas>
<script>
const c = document.querySelector('canvas'); const ctx = c.getContext('2d'); let down = false; let last = null;
ctx.strokeStyle = '#fff'; ctx.lineWidth = 20; ctx.lineCap = 'round';
const at = (e) => { const r = c.getBoundingClientRect(); return [(e.clientX - r.left) * 280 / r.width, (e.clientY - r.top) * 280 / r.height]; };
c.addEventListener('pointerdown', (e) => { down = true; last = at(e); c.setPointerCapture(e.pointerId); });
c.addEventListener('pointermove', (e) => { if (!down) return; const p = at(e); ctx.beginPath(); ctx.moveTo(...last); ctx.lineTo(...p); ctx.stroke(); last = p; });
c.addEventListener('pointerup', () => { down = false; });
</script></body></html>`;

/**
 * Starts recording animation-frame times and Event Timing entries in the page. The in-page
 * code is a string: functions compiled here would carry the build tool's helpers with them.
 */
const START_RECORDING = `(() => {
  window.__frames = [];
  window.__framing = true;
  const tick = (t) => { window.__frames.push(t); if (window.__framing) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  if (!window.__events) {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.interactionId) window.__events.push({ id: e.interactionId, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16 });
  }
  window.__events.length = 0;
})()`;

/** Ends the recording: frame times, and the longest Event Timing duration of each interaction. */
const STOP_RECORDING = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
  window.__framing = false;
  const byId = new Map();
  for (const e of window.__events) byId.set(e.id, Math.max(byId.get(e.id) ?? 0, e.duration));
  done({ frames: window.__frames, interactions: [...byId.values()] });
}, 100))))`;

async function startRecording(page: Page): Promise<void> {
  await page.evaluate(START_RECORDING);
}

async function stopRecording(page: Page): Promise<{ frames: number[]; interactions: number[] }> {
  // Event Timing entries arrive a frame or two after the interaction's paint.
  return (await page.evaluate(STOP_RECORDING)) as { frames: number[]; interactions: number[] };
}

/** A 3-second stroke of pointer moves paced at 60 Hz: a figure of eight over the pad. */
async function drawLongStroke(page: Page): Promise<{ frames: number[] }> {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('The drawing pad is not visible.');
  const at = (t: number) => {
    const a = (2 * Math.PI * t) / 1500;
    return [box.x + box.width * (0.5 + 0.32 * Math.sin(a)), box.y + box.height * (0.5 + 0.3 * Math.sin(2 * a))] as const;
  };
  await page.mouse.move(...at(0));
  await startRecording(page);
  await page.mouse.down();
  const start = Date.now();
  for (let i = 1; Date.now() - start < STROKE_MS; i++) {
    const wait = start + i * MOVE_MS - Date.now();
    if (wait > 0) await sleep(wait);
    await page.mouse.move(...at(Date.now() - start));
  }
  await page.mouse.up();
  const { frames } = await stopRecording(page);
  return { frames };
}

/** Taps on the pad, each once the previous one has been painted; the Event Timing duration of each. */
async function tapPad(page: Page): Promise<number[]> {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('The drawing pad is not visible.');
  await startRecording(page);
  for (let i = 0; i < TAPS; i++) {
    await page.mouse.click(box.x + box.width * (0.2 + 0.05 * i), box.y + box.height * (0.3 + 0.03 * i));
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    await sleep(150);
  }
  return (await stopRecording(page)).interactions;
}

interface Sample {
  intervals: number[];
  strokeMs: number;
  frames: number;
  taps: number[];
}

async function measure(page: Page, sample: Sample): Promise<void> {
  const { frames } = await drawLongStroke(page);
  for (let i = 1; i < frames.length; i++) sample.intervals.push(frames[i] - frames[i - 1]);
  sample.frames += Math.max(0, frames.length - 1);
  sample.strokeMs += frames.length > 1 ? frames[frames.length - 1] - frames[0] : 0;
  sample.taps.push(...(await tapPad(page)));
}

async function openApp(browser: Browser, url: string, tab: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await newObservedPage(browser);
  await page.goto(url);
  await waitForPrediction(page);
  await page.getByTestId(`tab-${tab}`).click();
  if (tab === 'network') await page.getByTestId('layer-softmax').waitFor({ timeout: 120_000 });
  await sleep(1500);
  return { page, close: () => context.close() };
}

function emptySample(): Sample {
  return { intervals: [], strokeMs: 0, frames: 0, taps: [] };
}

function row(name: string, s: Sample): string {
  const fps = s.strokeMs > 0 ? (1000 * s.frames) / s.strokeMs : NaN;
  const d = distribution(s.intervals);
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
  return `${name.padEnd(28)} ${f(fps).padStart(6)} fps   frame p50 ${f(d.p50).padStart(6)} ms  p95 ${f(d.p95).padStart(6)} ms  max ${f(d.max).padStart(6)} ms   tap p50 ${f(percentile(s.taps, 50)).padStart(5)} ms  p95 ${f(percentile(s.taps, 95)).padStart(5)} ms (${s.taps.length} taps)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dist: { type: 'string', multiple: true }, tabs: { type: 'string' }, rounds: { type: 'string' } } });
  const dists = (values.dist ?? ['current=dist']).map((d) => {
    const [label, dir] = d.includes('=') ? d.split('=', 2) : [d, d];
    return { label, dir: resolve(root, dir) };
  });
  const tabs = (values.tabs ?? 'network').split(',');
  const rounds = Number(values.rounds ?? 3);
  const servers: StaticServer[] = [];
  let browser: Browser | undefined;
  const loadStart = loadAverage();
  try {
    for (const d of dists) servers.push(await startStaticServer(root, d.dir, '/convlens/'));
    browser = await launchBrowser();
    const samples = new Map<string, Sample>();
    const sampleOf = (name: string) => samples.get(name) ?? (samples.set(name, emptySample()), samples.get(name)!);
    for (let r = 0; r < rounds; r++) {
      const { context, page } = await newObservedPage(browser);
      await page.setContent(BARE_PAGE);
      await measure(page, sampleOf('bare drawing page'));
      await context.close();
      for (const [i, d] of dists.entries()) {
        for (const tab of tabs) {
          const app = await openApp(browser, servers[i].url, tab);
          await measure(app.page, sampleOf(`${d.label} ${tab}`));
          await app.close();
        }
      }
      console.error(`round ${r + 1}/${rounds} done (load ${loadAverage()})`);
    }
    console.log(`\nPen smoothness: ${rounds} rounds of a ${STROKE_MS / 1000}-second stroke and ${TAPS} taps per page; Chromium ${browser.version()}`);
    console.log(`load average (1 min): ${loadStart} at start, ${loadAverage()} at end\n`);
    for (const [name, s] of samples) console.log(row(name, s));
  } finally {
    await browser?.close();
    servers.forEach((s) => s.stop());
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
