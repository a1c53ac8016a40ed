/**
 * `npm run check:claims`: checks, by training, the numbers the sigmoid exercise rests on and
 * the README states: that the default ReLU network reaches RELU_REFERENCE with the default run,
 * and what the exercise's hinted recipe (SIGMOID_RECIPE) reaches (SIGMOID_RECIPE_REACHES). Like
 * `npm run train`, it serves the repo with Vite and trains in headless Chromium on WebGL
 * (scripts/claims-page.ts) with the app's own buildModel and trainModel and the options the
 * training tab passes, but with fixed seeds (weights, training subset, shuffling and dropout
 * masks; the held-out evaluation reads all 1,000 held-out digits, nothing is sampled), so a
 * run can be repeated exactly. Each claim states the margin it is judged with. Exits 1 when a
 * claim fails.
 *
 * Options: --quick (the short check: every claim with seed 1 only; `npm test` runs it on the
 *            wasm backend, where the two runs take about 20 s, against minutes on software WebGL)
 *          --seeds 1,2,3 (the seeds; default 1-5, 1 with --quick)  --only NAME[,NAME]
 *          --backend webgl|wasm|cpu (the tfjs backend trained on; default wasm, the backend the app's training worker's trial chooses here)
 * For tuning a recipe (no claim is judged): --validation (train on the training digits less a
 *   validation slice of them and evaluate on that slice, never on the held-out digits)
 *   --run '<partial PresetRun JSON>' and --spec '<ModelSpec JSON>' (override the recipe's)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { reportPageProblems, withViteChromium } from './viteChromium';
import { checkSigmoidRun, RELU_REFERENCE, SIGMOID_RECIPE, SIGMOID_RECIPE_REACHES } from '../src/core/exercises/sigmoidRun';
import { TRAINING_PRESETS, type PresetRun } from '../src/model/presets';
import { DEFAULT_SPEC, validateSpec, type ModelSpec } from '../src/model/spec';
import type { ClaimBackend, ClaimRunConfig, ClaimRunResult } from './claims-page';

/** A claim: what is trained, and how its held-out accuracy is judged. */
interface Claim {
  readonly name: string;
  /** What the texts say, and the margin the check allows. */
  readonly says: string;
  readonly spec: ModelSpec;
  readonly run: PresetRun;
  readonly holds: (accuracy: number) => boolean;
}

const CLAIM_BACKENDS: readonly ClaimBackend[] = ['webgl', 'wasm', 'cpu'];
const DEFAULT_RUN = TRAINING_PRESETS.default.run;
/** How far a measured run may land from RELU_REFERENCE (percentage points / 100). */
export const RELU_MARGIN = 0.015;
/** How far outside SIGMOID_RECIPE_REACHES a measured run of the recipe may land. */
export const SIGMOID_MARGIN = 0.01;

/** The hinted recipe as a spec and the training tab's settings. */
function sigmoidRecipe(): { spec: ModelSpec; run: PresetRun } {
  const { convBlocks, dense, ...settings } = SIGMOID_RECIPE;
  return {
    spec: {
      convBlocks: DEFAULT_SPEC.convBlocks.slice(0, convBlocks).map((b) => ({ ...b, activation: 'sigmoid' as const })),
      dense: DEFAULT_SPEC.dense.slice(0, dense).map((d) => ({ ...d, activation: 'sigmoid' as const })),
    },
    run: { ...DEFAULT_RUN, ...settings },
  };
}

const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

function claims(): Claim[] {
  const bar = checkSigmoidRun(null).needed;
  const recipe = sigmoidRecipe();
  return [
    {
      name: 'relu-reference',
      says: `the default ReLU network reaches ${percent(RELU_REFERENCE)} with the default run (${DEFAULT_RUN.epochs} epochs of ${DEFAULT_RUN.trainExamples} digits), within ±${percent(RELU_MARGIN)}`,
      spec: DEFAULT_SPEC,
      run: DEFAULT_RUN,
      holds: (a) => Math.abs(a - RELU_REFERENCE) <= RELU_MARGIN + 1e-9,
    },
    {
      name: 'sigmoid-recipe',
      says:
        `the hinted sigmoid recipe (${recipe.run.epochs} epochs of ${recipe.run.trainExamples} digits) reaches ` +
        `${percent(SIGMOID_RECIPE_REACHES.low)}-${percent(SIGMOID_RECIPE_REACHES.high)}, within ±${percent(SIGMOID_MARGIN)} (the exercise's bar is ${percent(bar)})`,
      ...recipe,
      holds: (a) => a >= SIGMOID_RECIPE_REACHES.low - SIGMOID_MARGIN - 1e-9 && a <= SIGMOID_RECIPE_REACHES.high + SIGMOID_MARGIN + 1e-9,
    },
  ];
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      seeds: { type: 'string' },
      only: { type: 'string' },
      validation: { type: 'boolean', default: false },
      run: { type: 'string' },
      spec: { type: 'string' },
      backend: { type: 'string', default: 'wasm' },
    },
  });
  const backend = values.backend as ClaimBackend;
  if (!CLAIM_BACKENDS.includes(backend)) throw new Error(`--backend takes one of ${CLAIM_BACKENDS.join(', ')} (got ${values.backend}).`);
  const seeds = (values.seeds ?? (values.quick ? '1' : '1,2,3,4,5')).split(',').map(Number);
  if (seeds.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--seeds takes whole numbers >= 1 (got ${values.seeds}).`);
  let selected = claims();
  if (values.only) {
    const names = values.only.split(',');
    const unknown = names.filter((n) => !selected.some((c) => c.name === n));
    if (unknown.length) throw new Error(`Unknown claim ${unknown.join(', ')}: the claims are ${selected.map((c) => c.name).join(', ')}.`);
    selected = selected.filter((c) => names.includes(c.name));
  }
  const tuning = values.validation || values.run !== undefined || values.spec !== undefined;
  if (values.run || values.spec) {
    const spec = values.spec ? (JSON.parse(values.spec) as ModelSpec) : undefined;
    if (spec) {
      const check = validateSpec(spec);
      if (!check.ok) throw new Error(check.message);
    }
    const run = values.run ? (JSON.parse(values.run) as Partial<PresetRun>) : {};
    selected = selected.map((c) => ({ ...c, spec: spec ?? c.spec, run: { ...c.run, ...run } }));
  }
  return { seeds, selected, tuning, backend, evaluateOn: values.validation ? ('validation' as const) : ('heldOut' as const) };
}

/**
 * CPU seconds used so far by a process's descendants (here: the browser, and Vite's helpers,
 * idle while a run trains), from Linux's /proc (NaN elsewhere). The machine may be busy with
 * other work, so the wall-clock time of a run says little on its own: this is what the run
 * cost, which bounds how long it takes on an idle machine.
 */
function childrenCpuSeconds(pid: number): number {
  try {
    const stats = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name) => {
        try {
          // After the ")" that closes the command name: state, ppid, ..., utime (14th field), stime, cutime, cstime.
          const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ');
          return [{ pid: Number(name), ppid: Number(fields[1]), ticks: fields.slice(11, 15).reduce((a, f) => a + Number(f), 0) }];
        } catch {
          return [];
        }
      });
    const tree = new Set([pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const p of stats) {
        if (!tree.has(p.pid) && tree.has(p.ppid)) {
          tree.add(p.pid);
          grew = true;
        }
      }
    }
    return stats.filter((p) => p.pid !== pid && tree.has(p.pid)).reduce((a, p) => a + p.ticks, 0) / 100;
  } catch {
    return NaN;
  }
}

/** Serves the repo with Vite and opens the claims page in headless Chromium; `work` gets the page. */
async function withClaimsPage<T>(work: (page: Page, cpuSeconds: () => number) => Promise<T>): Promise<T> {
  return withViteChromium(async (base, browser) => {
    const page = await browser.newPage();
    reportPageProblems(page);
    await page.goto(new URL('scripts/claims-page.html', base).href);
    await page.waitForFunction(() => typeof window.convlensClaimRun === 'function', null, { timeout: 120_000 });
    return work(page, () => childrenCpuSeconds(process.pid));
  });
}

async function main(): Promise<void> {
  const { seeds, selected, tuning, backend, evaluateOn } = readOptions();
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  await withClaimsPage(async (page, cpuSeconds) => {
    for (const claim of selected) {
      console.log(`${claim.name}: ${tuning ? 'tuning' : claim.says}`);
      console.log(`  ${JSON.stringify(claim.run)} ${JSON.stringify(claim.spec)}`);
      const accuracies: number[] = [];
      for (const seed of seeds) {
        const config: ClaimRunConfig = { spec: claim.spec, run: claim.run, seed, evaluateOn, backend };
        const cpuBefore = cpuSeconds();
        const result: ClaimRunResult = await page.evaluate((c) => window.convlensClaimRun(c), config);
        if (result.backend !== backend) throw new Error(`Expected to train on ${backend}, trained on ${result.backend}.`);
        if (result.tensorsAfter !== result.tensorsBefore) throw new Error(`The run left ${result.tensorsAfter - result.tensorsBefore} tensors behind.`);
        const accuracy = result.history[result.history.length - 1].heldOutAccuracy;
        accuracies.push(accuracy);
        const epochs = result.history.map((e) => percent(e.heldOutAccuracy)).join(', ');
        const where = evaluateOn === 'validation' ? `validation (${result.evaluatedDigits} digits)` : 'held-out';
        const verdict = tuning ? '' : claim.holds(accuracy) ? ' ok' : ' FAILS';
        console.log(
          `  seed ${seed}: ${where} ${percent(accuracy)} (by epoch: ${epochs}) in ${result.seconds.toFixed(0)} s (${(cpuSeconds() - cpuBefore).toFixed(0)} CPU s)${verdict}`,
        );
        if (!tuning) {
          if (claim.holds(accuracy)) passed++;
          else failed++;
        }
      }
      const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
      const bar = checkSigmoidRun(null).needed;
      const over = accuracies.filter((a) => a >= bar).length;
      const passes = claim.name === 'sigmoid-recipe' ? `; ${over} of ${accuracies.length} at or above the exercise's ${percent(bar)} bar` : '';
      console.log(`  min ${percent(Math.min(...accuracies))}, mean ${percent(mean)}, max ${percent(Math.max(...accuracies))}${passes}`);
    }
  });
  console.log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  if (!tuning) {
    console.log(`claims: ${passed} passed, ${failed} failed`);
    if (failed > 0) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
