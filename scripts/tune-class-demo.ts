/**
 * Tunes the class-demo preset: trains candidates with the app's own training code in
 * headless Chromium (real tfjs, the app's digits) and scores them on a validation slice
 * carved from the TRAINING digits (the last 100 of each class; the app's held-out 1,000
 * never reach the page). It prints, per candidate and seed, validation accuracy against
 * examples seen, the training seconds measured here, and the load the machine was under.
 *
 * The machine is shared, so seconds measured here are not the seconds of a quiet machine:
 * the default network's throughput is measured on the same backend right after each run
 * (the yardstick), and the run's seconds are scaled by (yardstick now / yardstick quiet),
 * with the quiet yardstick given by --quiet-yardstick (ex/s of the default network on a
 * quiet machine on that backend).
 *
 * Usage: npx tsx scripts/tune-class-demo.ts --candidates c16s2,c8s2 --seeds 1,2,3,4,5
 *          [--target 0.97] [--eval-every 1000] [--quiet-yardstick 140] [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { reportPageProblems, withViteChromium } from './viteChromium';
import { loadAverage } from './bench/machine';
import { CANDIDATES } from './tune/candidates';
import type { TunePoint, TuneRunResult, YardstickResult } from './tune/protocol';

function readOptions() {
  const { values } = parseArgs({
    options: {
      candidates: { type: 'string', default: Object.keys(CANDIDATES).join(',') },
      seeds: { type: 'string', default: '1,2,3,4,5' },
      target: { type: 'string', default: '0.97' },
      'eval-every': { type: 'string', default: '1000' },
      'quiet-yardstick': { type: 'string', default: '140' },
      'yardstick-examples': { type: 'string', default: '320' },
      set: { type: 'string', default: '' },
      out: { type: 'string' },
    },
  });
  const names = values.candidates.split(',').map((s) => s.trim());
  for (const n of names) if (!CANDIDATES[n]) throw new Error(`--candidates: unknown candidate "${n}" (known: ${Object.keys(CANDIDATES).join(', ')})`);
  const seeds = values.seeds.split(',').map(Number);
  if (!seeds.every(Number.isInteger)) throw new Error(`--seeds: whole numbers separated by commas (got "${values.seeds}")`);
  const number = (key: 'target' | 'eval-every' | 'quiet-yardstick' | 'yardstick-examples') => {
    const v = Number(values[key]);
    if (!(v > 0)) throw new Error(`--${key} must be a positive number (got "${values[key]}")`);
    return v;
  };
  // --set epochs=3,learningRate=0.005,batchSize=64,firstLayer=random: overrides for every candidate.
  const overrides: Record<string, number | string> = {};
  for (const pair of values.set.split(',').filter(Boolean)) {
    const [key, raw] = pair.split('=');
    if (!key || raw === undefined) throw new Error(`--set: key=value pairs separated by commas (got "${pair}")`);
    overrides[key] = Number.isNaN(Number(raw)) ? raw : Number(raw);
  }
  return {
    overrides,
    names,
    seeds,
    target: number('target'),
    evalEvery: number('eval-every'),
    quiet: number('quiet-yardstick'),
    yardstickExamples: number('yardstick-examples'),
    out: values.out,
  };
}

interface Row {
  candidate: string;
  seed: number;
  run: TuneRunResult;
  yardstick: YardstickResult;
  loadBefore: number;
  loadAfter: number;
  reached: TunePoint | null;
  final: TunePoint;
  examplesPerSecond: number;
  quietSeconds: number | null;
}

async function main() {
  const opts = readOptions();
  const rows: Row[] = [];
  await withViteChromium(async (base, browser) => {
    for (const name of opts.names) {
      const candidate = CANDIDATES[name];
      for (const seed of opts.seeds) {
        // A fresh page per run: each pays its own backend set-up and shader compilation.
        const page: Page = await browser.newPage();
        reportPageProblems(page);
        await page.goto(new URL('scripts/tune/page.html', base).href);
        await page.waitForFunction(() => typeof window.tuneRun === 'function', null, { timeout: 120_000 });
        const loadBefore = loadAverage();
        const { firstLayer, backend, ...runOverrides } = opts.overrides;
        const config = {
          ...candidate,
          ...(firstLayer ? { firstLayer: firstLayer as typeof candidate.firstLayer } : {}),
          ...(backend ? { backend: backend as typeof candidate.backend } : {}),
          options: { ...candidate.options, ...runOverrides, seed },
          evalEveryExamples: opts.evalEvery,
        };
        const run = await page.evaluate((c) => window.tuneRun(c), config);
        const yardstick = await page.evaluate(([b, n]) => window.tuneYardstick(b, n), [config.backend, opts.yardstickExamples] as const);
        const loadAfter = loadAverage();
        await page.close();
        const reached = run.points.find((p) => p.accuracy >= opts.target) ?? null;
        const final = run.points[run.points.length - 1];
        const examplesPerSecond = final.examplesSeen / final.trainSeconds;
        const quietSeconds = reached ? reached.trainSeconds * (yardstick.examplesPerSecond / opts.quiet) : null;
        rows.push({ candidate: name, seed, run, yardstick, loadBefore, loadAfter, reached, final, examplesPerSecond, quietSeconds });
        const curve = run.points.map((p) => `${p.examplesSeen}:${(100 * p.accuracy).toFixed(1)}`).join(' ');
        console.log(
          `${name} seed ${seed} [${run.backend}] load ${loadBefore}->${loadAfter} | ${examplesPerSecond.toFixed(0)} ex/s (yardstick ${yardstick.examplesPerSecond.toFixed(0)} ex/s) | ` +
            `final ${(100 * final.accuracy).toFixed(2)}% after ${final.examplesSeen} ex, ${final.trainSeconds.toFixed(1)} s | ` +
            `${reached ? `>=${100 * opts.target}% at ${reached.examplesSeen} ex, ${reached.trainSeconds.toFixed(1)} s here, ~${quietSeconds!.toFixed(1)} s quiet (+ backend ${run.backendSeconds.toFixed(1)} s, data ${run.dataSeconds.toFixed(1)} s)` : `never ${100 * opts.target}%`} | leaked ${run.leakedTensors} | ${curve}`,
        );
      }
    }
  });
  console.log(
    `\nquiet yardstick: ${opts.quiet} ex/s (default network, batch 32, on a quiet machine); validation: ${rows[0]?.run.validationDigits} training digits set aside, ${rows[0]?.run.trainDigits} trained on`,
  );
  for (const name of opts.names) {
    const mine = rows.filter((r) => r.candidate === name);
    const hits = mine.filter((r) => r.reached);
    console.log(
      `${name}: reached ${100 * opts.target}% in ${hits.length}/${mine.length} seeds; quiet-machine training seconds: ${mine.map((r) => (r.quietSeconds === null ? 'never' : r.quietSeconds.toFixed(1))).join(', ')}`,
    );
  }
  if (opts.out) writeFileSync(opts.out, JSON.stringify({ options: opts, rows }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
