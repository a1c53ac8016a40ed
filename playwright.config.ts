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

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
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
