/**
 * `npm run bench`: measures ConvLens in headless Chromium (the browser tests'
 * set-up: WebGL on SwiftShader) and prints a table; the same figures go to
 * bench-results/latest.json. It reports; it never fails on a slow figure.
 *
 * Three pages, all production builds served by scripts/serve.ts:
 * - dist/ (built by `npm run build`, as shipped): pen to pixels, cold start, weight, leaks.
 * - the bare drawing page (scripts/bench/pad/: one canvas, a dot per pointer event), the floor
 *   that section 1 compares every tab of dist/ with, as the browser measures them.
 * - the bench page (scripts/bench/index.html, built here with the app's Vite config): the
 *   same app mounted the same way, plus a bare model.predict / model.fit and convnetjs in
 *   the same page, the same tfjs instance and the same WebGL context, and bench workers
 *   built with it (ConvLens's loop on the training worker's backend, convnetjs): ConvLens's
 *   overhead, training throughput (the Train button against the bare loop and convnetjs,
 *   each in a worker) and learning speed.
 *
 * Options: --quick (small counts: a smoke run of a few minutes)  --out FILE
 *          --dist DIR (another production build to measure; default dist/)
 *          --only pen,training,learning,cold,weight,leaks,classDemo (comma-separated; pen is section 1 whole,
 *            pen-browser its Event Timing and frame figures alone, pen-marks the app's User Timing alone;
 *            classDemo: the class-demo preset through the app, one fresh page per seed, see bench/classDemo.ts)
 * Environment: BENCH_TAPS (taps per page and condition in pen-browser; default 200, 20 with --quick),
 *          BENCH_STROKE_SECONDS (the continuous stroke, default 3).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { DEFAULT_RUN } from '../src/state/runSettings';
import { launchBrowser, newObservedPage, waitForPrediction } from './bench/browser';
import { measureColdStart } from './bench/coldStart';
import { measureLeaks } from './bench/leaks';
import { measurePenAsBrowser } from './bench/penBrowser';
import { loadAverage, machineInfo, sampleLoad } from './bench/machine';
import { loadStrokeCases, measurePenToPixels, type PenOptions, type PenResult } from './bench/pen';
import { formatReport, reportRows, type BenchResults, type PredictFigures } from './bench/report';
import { buildBarePage, buildBenchPage, startStaticServer, type StaticServer } from './bench/servers';
import { distribution } from './bench/stats';
import { measureLearning, measureTraining } from './bench/training';
import { buildWeight } from './bench/weight';
import { formatClassDemo, measureClassDemo, type ClassDemoResult } from './bench/classDemo';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECTIONS = ['pen-browser', 'pen-marks', 'training', 'learning', 'cold', 'weight', 'leaks', 'classDemo'] as const;
type Section = (typeof SECTIONS)[number];
/** Names that stand for several sections. */
const GROUPS: Record<string, readonly Section[]> = { pen: ['pen-browser', 'pen-marks'] };

/** A positive whole number from the environment variable `name`, or `fallback` when it is unset. */
function countFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}="${text}": expected a whole number of at least 1.`);
  return value;
}

const FULL = {
  strokes: 220,
  taps: 60,
  intervalMs: 1000 / 60,
  predictIterations: 300,
  coldLoads: 5,
  leakCheckpoints: [100, 500],
  trainingRuns: 3,
  examplesPerRun: 10 * DEFAULT_RUN.batchSize,
  throughput: { batchSize: DEFAULT_RUN.batchSize, examples: DEFAULT_RUN.trainExamples, learningRate: DEFAULT_RUN.learningRate },
  convnetMaxSeconds: 60,
  learning: { target: 0.97, capSeconds: 600, evalEveryBatches: 25, seed: 1 },
  /** Section 1 as the browser measures it: taps per page and condition, the stroke, the run's epochs. */
  browser: { taps: 200, strokeSeconds: 3, trainingEpochs: 20 },
  classDemo: { seeds: [1, 2, 3, 4, 5], target: 0.97, capSeconds: 900 },
};
type Settings = typeof FULL;

const QUICK: Settings = {
  ...FULL,
  strokes: 12,
  taps: 8,
  predictIterations: 30,
  coldLoads: 1,
  leakCheckpoints: [10, 30],
  trainingRuns: 1,
  // Enough batches after the 10-batch warm-up for several of the Train button's progress updates (every 200 ms) at worker speed.
  throughput: { ...FULL.throughput, examples: 50 * DEFAULT_RUN.batchSize },
  convnetMaxSeconds: 10,
  learning: { ...FULL.learning, capSeconds: 20 },
  browser: { ...FULL.browser, taps: 20 },
  classDemo: { ...FULL.classDemo, seeds: [1] },
};

function readOptions() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      out: { type: 'string', default: join(root, 'bench-results', 'latest.json') },
      only: { type: 'string', default: SECTIONS.join(',') },
      dist: { type: 'string', default: join(root, 'dist') },
    },
  });
  const only = new Set<Section>();
  for (const name of values.only.split(',').map((s) => s.trim())) {
    const sections = GROUPS[name] ?? (SECTIONS.includes(name as Section) ? [name as Section] : null);
    if (!sections) throw new Error(`--only: unknown section "${name}" (use ${[...Object.keys(GROUPS), ...SECTIONS].join(', ')})`);
    sections.forEach((s) => only.add(s));
  }
  const base = values.quick ? QUICK : FULL;
  const browser = {
    ...base.browser,
    taps: countFromEnv('BENCH_TAPS', base.browser.taps),
    strokeSeconds: countFromEnv('BENCH_STROKE_SECONDS', base.browser.strokeSeconds),
  };
  return { settings: { ...base, browser }, quick: values.quick, out: resolve(values.out), only, dist: resolve(values.dist) };
}

function log(line: string): void {
  console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
}

/** Runs one section, keeping going (and recording why) if it throws. */
async function section(errors: Record<string, string>, name: string, work: () => Promise<void>): Promise<void> {
  log(`${name}… (load average ${loadAverage()})`);
  try {
    await work();
  } catch (error) {
    errors[name] = error instanceof Error ? error.message : String(error);
    console.error(`${name} failed: ${errors[name]}`);
  }
}

/** Pen to pixels on dist/ with each tab; the strokes must reach the page's User Timing. */
async function penOnDist(browser: Browser, url: string, options: PenOptions): Promise<PenResult[]> {
  const { context, page } = await newObservedPage(browser);
  try {
    await page.goto(url);
    await waitForPrediction(page);
    const cases = loadStrokeCases(root);
    const results: PenResult[] = [];
    for (const tab of ['filters', 'network'] as const) {
      const result = await measurePenToPixels(page, cases, tab, options);
      if (result.eventsHandled === 0) throw new Error('No convlens:pen-input marks: is dist/ built from this source (npm run build)?');
      results.push(result);
    }
    return results;
  } finally {
    await context.close();
  }
}

/** The bench-page figures: bare predict, pen to pixels in that page, training, learning. */
async function benchPageSections(browser: Browser, url: string, settings: Settings, only: Set<Section>, results: BenchResults, errors: Record<string, string>) {
  const { context, page } = await newObservedPage(browser);
  try {
    await page.goto(url);
    await waitForPrediction(page);
    Object.assign(
      results.machine,
      await page.evaluate(() => window.convlensBench!.environment()).then((e) => ({ backend: e.backend, tfjs: e.tfjsVersion, webglRenderer: e.webglRenderer })),
    );
    if (only.has('pen-marks')) {
      await section(errors, 'bare predict and pen to pixels in the bench page', async () => {
        const times = await page.evaluate((n) => window.convlensBench!.timePredict(n, 10), settings.predictIterations);
        const predict: PredictFigures = {
          barePredict: distribution(times.barePredict),
          everyLayer: distribution(times.everyLayer),
          plainPass: distribution(times.plainPass),
          model: times.model,
        };
        const same = await measurePenToPixels(page, loadStrokeCases(root), 'network', settings);
        results.pen = { dist: results.pen?.dist ?? [], benchPage: same, predict };
      });
    }
    if (only.has('training'))
      await section(
        errors,
        'training throughput',
        async () => void (results.training = await measureTraining(page, settings.throughput, settings.convnetMaxSeconds)),
      );
    if (only.has('learning')) await section(errors, 'learning speed', async () => void (results.learning = await measureLearning(page, settings.learning)));
  } finally {
    await context.close();
  }
}

async function distSections(
  browser: Browser,
  dist: string,
  url: string,
  bareUrl: string,
  settings: Settings,
  only: Set<Section>,
  results: BenchResults,
  errors: Record<string, string>,
) {
  if (only.has('pen-browser')) {
    await section(errors, 'pen as the browser measures it (dist and the bare page, idle and training)', async () => {
      results.penBrowser = await measurePenAsBrowser(browser, url, bareUrl, settings.browser, log);
    });
  }
  if (only.has('weight')) await section(errors, 'weight', async () => void (results.weight = { ...buildWeight(dist), requested: [] }));
  if (only.has('cold')) {
    await section(errors, 'cold start', async () => {
      results.coldStart = await measureColdStart(browser, url, settings.coldLoads);
      if (results.weight) results.weight = { ...results.weight, requested: results.coldStart.requests };
    });
  }
  if (only.has('pen-marks'))
    await section(
      errors,
      'pen to pixels (dist)',
      async () => void (results.pen = { dist: await penOnDist(browser, url, settings), benchPage: null, predict: null }),
    );
  if (only.has('leaks')) {
    await section(errors, 'leaks', async () => {
      results.leaks = await measureLeaks(browser, url, loadStrokeCases(root), settings.leakCheckpoints, settings.trainingRuns, settings.examplesPerRun);
    });
  }
}

async function main(): Promise<void> {
  const { settings, quick, out, only, dist: distDir } = readOptions();
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir} has no index.html: run \`npm run build\` (npm run bench does).`);
  const pageDir = mkdtempSync(join(tmpdir(), 'convlens-bench-page-'));
  const bareDir = mkdtempSync(join(tmpdir(), 'convlens-bench-bare-'));
  const servers: StaticServer[] = [];
  let browser: Browser | null = null;
  const cleanUp = () => {
    servers.forEach((s) => s.stop());
    rmSync(pageDir, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      cleanUp();
      process.exit(130);
    });
  }
  try {
    log('building the bench page…');
    await buildBenchPage(root, pageDir);
    const dist = await startStaticServer(root, distDir, '/convlens/');
    servers.push(dist);
    const benchPage = await startStaticServer(root, pageDir, '/convlens-bench/');
    servers.push(benchPage);
    await buildBarePage(root, bareDir);
    const bare = await startStaticServer(root, bareDir, '/bare/');
    servers.push(bare);
    // Another site than the app's 127.0.0.1, so the bare page gets a renderer process of its own.
    const bareUrl = bare.url.replace('//127.0.0.1:', '//localhost:');
    browser = await launchBrowser();
    const errors: Record<string, string> = {};
    const results: BenchResults = { machine: machineInfo(browser), settings: { ...settings, quick, dist: distDir } };
    const load = sampleLoad();
    await distSections(browser, distDir, dist.url, bareUrl, settings, only, results, errors);
    await benchPageSections(browser, benchPage.url, settings, only, results, errors);
    let classDemo: ClassDemoResult | undefined;
    if (only.has('classDemo')) {
      const { seeds, target, capSeconds } = settings.classDemo;
      await section(errors, 'class demo', async () => void (classDemo = await measureClassDemo(browser!, dist.url, seeds, target, capSeconds, log)));
    }
    results.machine.loadAverageAtEnd = loadAverage();
    results.machine.loadDuringRun = load.stop();
    const rows = reportRows(results);
    console.log(`\n${formatReport(results, rows)}\n`);
    if (classDemo) console.log(`${formatClassDemo(classDemo)}\n`);
    for (const [name, message] of Object.entries(errors)) console.log(`not measured: ${name}: ${message}`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ ...results, rows, errors, classDemo }, null, 2)}\n`);
    log(`written ${out}`);
  } finally {
    await browser?.close();
    cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
