/**
 * `npx tsx scripts/bench-backends.ts [--steps N] [--browser]`: how fast the default network
 * trains at batch 32 on each tfjs backend, measured by the model layer's backend trial
 * (src/model/backendTrial.ts) on real MNIST digits. Node: 'cpu' and 'wasm'. With
 * --browser, also headless Chromium as the browser tests launch it (SwiftShader WebGL):
 * 'wasm', 'webgl' and 'cpu', with the page built by Vite in production mode, so the wasm
 * binaries come from the build's own assets. It reports what it measured; it never fails
 * on a slow figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { batchImages } from '../src/core/batch';
import { readMnist } from '../src/data/node';
import { runBackendTrial, type TrialBackend, type TrialResult } from '../src/model/backendTrial';
import { DEFAULT_SPEC } from '../src/model/spec';
import { pickDigits } from '../src/model/trainingData';
import { trainingWorkload } from '../src/model/trialWorkload';
import { loadWasmBackend } from '../src/model/wasmBackend';
import { wasmBinariesFolder } from '../src/model/wasmTestSupport';
import { launchBrowser } from './bench/browser';
import { buildBenchPage, startStaticServer } from './bench/servers';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BATCH = 32;
const { values } = parseArgs({ options: { steps: { type: 'string', default: '5' }, browser: { type: 'boolean', default: false } } });
const timedSteps = Number(values.steps);

const mnist = readMnist();
const digits = pickDigits(
  mnist,
  Int32Array.from({ length: BATCH }, (_, i) => mnist.classStart[i % 10] + Math.floor(i / 10)),
);
const images = batchImages(
  digits,
  Array.from({ length: BATCH }, (_, i) => i),
  0,
  BATCH,
  null,
);
const labels = Int32Array.from(digits.labels);

function report(where: string, result: TrialResult): void {
  console.log(`\n${where}: default network, batch ${result.batchSize}, ${result.timedSteps} timed steps after 2 warm-up steps`);
  for (const r of result.rates)
    console.log(`  ${r.backend.padEnd(6)} ${r.examplesPerSecond === null ? `failed: ${r.error}` : `${r.examplesPerSecond.toFixed(1)} examples/s`}`);
  console.log(
    `  chosen: ${result.choice}; load average now ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
}

async function inNode(): Promise<void> {
  await tf.setBackend('cpu');
  const prepare = (backend: TrialBackend) => (backend === 'wasm' ? loadWasmBackend(wasmBinariesFolder()) : Promise.resolve());
  const result = await runBackendTrial(trainingWorkload({ spec: DEFAULT_SPEC, images, labels }), { backends: ['cpu', 'wasm'], timedSteps, prepare });
  report(`Node ${process.version}, wasm SIMD ${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}`, result);
}

async function inBrowser(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'convlens-backend-trial-'));
  let stop = () => undefined as void;
  try {
    await buildBenchPage(ROOT, outDir, join(ROOT, 'scripts', 'backend-trial'));
    const server = await startStaticServer(ROOT, outDir, '/trial/');
    stop = server.stop;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
      page.on('console', (message) => console.log(`[page ${message.type()}] ${message.text()}`));
      await page.goto(server.url);
      await page.waitForFunction(() => typeof window.convlensTrial === 'function');
      const result = await page.evaluate(([x, y, n]) => window.convlensTrial!(x, y, n), [Array.from(images), Array.from(labels), timedSteps] as const);
      report(`Headless Chromium ${browser.version()} (SwiftShader WebGL)`, result);
      console.log(`  tensors before ${result.tensorsBefore}, after ${result.tensorsAfter}; backend after the trial: ${result.backendAfter}`);
    } finally {
      await browser.close();
    }
  } finally {
    stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await inNode();
if (values.browser) await inBrowser();
