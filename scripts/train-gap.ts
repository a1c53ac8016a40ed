/**
 * The Train button against the bare training loop, several times in one browser: section 2's
 * comparison of `npm run bench` alone (the bare loop in a bench worker, the Train button's run,
 * the bare loop again), repeated, each round's ratio printed, then the median and range. With
 * `--threads`, each Train button run also reports the CPU each thread of the browser used
 * while it trained (scripts/bench/threadCpu.ts), to show where the time the loop lacks goes.
 *
 *   npx tsx scripts/train-gap.ts [--rounds 5] [--threads]
 *
 * The bench page is built from the source as it is (no `npm run build` needed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_RUN } from '../src/state/runSettings';
import { launchBrowser, newObservedPage, waitForPrediction } from './bench/browser';
import type { ExampleWindow } from './bench/pageWorkers';
import { buildBenchPage, startStaticServer } from './bench/servers';
import { cpuSince, formatThreadCpu, threadCpuSnapshot } from './bench/threadCpu';
import { appUiThroughput } from './bench/training';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, threads: { type: 'boolean', default: false } } });
  const rounds = Number(values.rounds);
  if (!(Number.isInteger(rounds) && rounds > 0)) throw new Error(`--rounds: a whole number above 0, not "${values.rounds}"`);
  const span: ExampleWindow = { from: 10 * DEFAULT_RUN.batchSize, to: DEFAULT_RUN.trainExamples };
  const pageDir = mkdtempSync(join(tmpdir(), 'convlens-train-gap-'));
  const browser = await launchBrowser();
  let stop = () => undefined as void;
  try {
    await buildBenchPage(root, pageDir);
    const server = await startStaticServer(root, pageDir, '/convlens-bench/');
    stop = server.stop;
    const { context, page } = await newObservedPage(browser);
    await page.goto(server.url);
    await waitForPrediction(page);
    const loop = () => page.evaluate((w) => window.convlensBench!.workerLoopThroughput('loop', w), span);
    const ratios: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const before = await loop();
      const cpu = threadCpuSnapshot();
      const app = await appUiThroughput(page, span);
      const used = cpuSince(cpu);
      const after = await loop();
      const bare = (before.examplesPerSecond + after.examplesPerSecond) / 2;
      const ratio = app.examplesPerSecond / bare;
      ratios.push(ratio);
      console.log(
        `round ${round}: Train button ${app.examplesPerSecond.toFixed(0)} ex/s (${app.backend}, in worker ${app.inWorker}), ` +
          `bare loop ${before.examplesPerSecond.toFixed(0)} · ${after.examplesPerSecond.toFixed(0)} ex/s, ratio ${ratio.toFixed(3)}×`,
      );
      if (values.threads) console.log(formatThreadCpu(used));
    }
    const sorted = [...ratios].sort((a, b) => a - b);
    console.log(
      `ratios ${ratios.map((r) => r.toFixed(3)).join(' ')}; median ${median(ratios).toFixed(3)}×, range ${sorted[0].toFixed(3)}–${sorted[sorted.length - 1].toFixed(3)}`,
    );
    await context.close();
  } finally {
    await browser.close();
    stop();
    rmSync(pageDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
