/**
 * The repository served by Vite's dev server (so a page in scripts/ can import the app's own
 * modules) and a headless Chromium to open it in; both are closed when `work` settles.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Calls `work` with the dev server's base URL and the browser. */
export async function withViteChromium<T>(work: (base: string, browser: Browser) => Promise<T>): Promise<T> {
  let server: ViteDevServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await createServer({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    });
    await server.listen();
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('Vite did not report its URL.');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    return await work(base, browser);
  } finally {
    await browser?.close();
    await server?.close();
  }
}

/** Prints the page's uncaught errors, console errors and warnings on stderr. */
export function reportPageProblems(page: Page): void {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.error(`[page ${message.type()}] ${message.text()}`);
  });
}
