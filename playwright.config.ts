import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

/** Flags for Debian's Chromium in a sandboxed, offline machine; WebGL through SwiftShader. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * Specs that time the page against itself (renders during a stroke, the worker's replies, the
 * backend trial's rates, long trainings in the worker): project `alone`, which `npm run
 * test:e2e` runs after project `together`, one spec at a time, with the machine to itself.
 * `E2E_WORKERS` sets how many specs of `together` run at once (2 by default, one per core
 * here; the tests of one spec stay in order). A plain `playwright test` runs both projects
 * side by side.
 */
const ALONE = [
  'pen-store.spec.ts',
  'pen-training.spec.ts',
  'backend-trial.spec.ts',
  'worker-training.spec.ts',
  'dropout-training.spec.ts',
  'context-loss-worker.spec.ts',
];
const TOGETHER = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: TOGETHER,
  projects: [
    { name: 'together', testIgnore: ALONE, workers: TOGETHER },
    { name: 'alone', testMatch: ALONE, workers: 1 },
  ],
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/convlens/`,
    viewport: { width: 1366, height: 768 },
    // The interface language follows the browser: tests read the English texts.
    locale: 'en-US',
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx tsx scripts/serve.ts --port ${PORT} --base /convlens/`,
    url: `http://127.0.0.1:${PORT}/convlens/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
