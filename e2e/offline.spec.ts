import { spawn } from 'node:child_process';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openApp, onCounts, drawStroke, SEVEN_STROKE } from './fixtures';

test.use({ serviceWorkers: 'allow' });

/** The files that must come from the precache once the network is gone. */
const OFFLINE_ESSENTIALS = ['index.html', 'data/mnist.bin', 'models/default/model.json', 'models/default/group1-shard1of1.bin', 'manifest.webmanifest'];

/** Every URL held by the page's Cache Storage, relative to the app, without query strings. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        const url = new URL(request.url);
        urls.push(new URL(url.pathname, location.href).href.replace(new URL('./', location.href).href, ''));
      }
    }
    return urls;
  });
}

/**
 * Cuts the network: the browser is offline AND every request that would leave the service
 * worker's cache for the network is aborted and recorded, so a file missing from the
 * precache makes the app fail and names itself.
 */
async function cutNetwork(context: BrowserContext): Promise<string[]> {
  const reachedNetwork: string[] = [];
  await context.route('**/*', (route) => {
    reachedNetwork.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await context.setOffline(true);
  return reachedNetwork;
}

test('after the first visit, the app, data and model work with the network off', async ({ page, context, problems }) => {
  test.setTimeout(180_000);
  // First visit, online: the service worker installs, precaches everything and takes control.
  await openApp(page);
  const online = await onCounts(page);
  await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL('./', page.url()).href);
  const cached = await cachedUrls(page);
  for (const file of OFFLINE_ESSENTIALS) expect(cached, `${file} is precached`).toContain(file);
  expect(cached.some((url) => /^assets\/.+\.js$/.test(url))).toBe(true);

  const reachedNetwork = await cutNetwork(context);
  // Second visit, offline: everything comes from the service worker.
  await page.reload();
  await expect(page.getByTestId('fired-map-0')).toBeVisible({ timeout: 30_000 });
  expect(await onCounts(page)).toEqual(online);
  await expect(page.getByTestId('input-source')).toHaveText('MNIST digit 2, number 0');
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveAttribute('data-digit', '2', { timeout: 60_000 });
  await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready');

  // Drawing works offline, and the network still predicts.
  await page.getByTestId('clear').click();
  await expect(prediction).toHaveAttribute('data-digit', '');
  await drawStroke(page, SEVEN_STROKE);
  await expect(prediction).toHaveAttribute('data-digit', '7');
  await expect(prediction).toHaveAttribute('data-up-to-date', 'true');

  // The other language and the views of tabs 2-4 load on demand: from the precache too.
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('tab-network')).toHaveText('2 · 卷积网络的内部');
  for (const [tab, content] of [
    ['network', 'layer-softmax'],
    ['training', 'chart-loss'],
    ['lessons', 'stepper-output'],
  ]) {
    await page.getByTestId(`tab-${tab}`).click();
    await expect(page.getByTestId(content)).toBeVisible({ timeout: 30_000 });
  }

  // A short run trains offline in the worker, on WebAssembly: its script and the wasm binaries are precached.
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-preset').selectOption('class-demo');
  await page.getByTestId('train-examples').selectOption('256');
  await page.getByTestId('train-epochs').selectOption('1');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 60_000 });
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-backend', 'wasm');

  // The only thing that may try the network is the browser's own check for a newer sw.js.
  expect(reachedNetwork.filter((url) => !url.endsWith('/sw.js'))).toEqual([]);
  expect(problems.errors).toEqual([]);
});

test('a new version waits for the user, then takes over after Reload', async ({ page, problems }) => {
  test.setTimeout(180_000);
  // A host of its own, serving a copy of the build that the test can replace by a "next build".
  const root = await mkdtemp(join(tmpdir(), 'convlens-host-'));
  await cp('dist', root, { recursive: true });
  const port = Number(process.env.E2E_PORT ?? 4173) + 100;
  const host = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', String(port), '--dir', root], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      host.stdout.on('data', () => resolve());
      host.on('exit', (code) => reject(new Error(`the static server stopped (${code})`)));
    });
    const url = `http://127.0.0.1:${port}/convlens/`;
    await page.goto(url);
    await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });

    await appendFile(join(root, 'sw.js'), '\n// next build\n');
    // Ask for the update ourselves, then wait until the new version has installed and waits:
    // no dependence on when the browser would have checked on its own.
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null), {
        message: 'the new version installed and waiting',
        timeout: 90_000,
      })
      .toBe('installed');
    const status = page.getByTestId('offline-status');
    await expect(status).toHaveAttribute('data-state', 'update', { timeout: 60_000 });
    // Nothing changed under the user's feet: the page stays as it was until they choose.
    await expect(page.getByTestId('fired-map-0')).toBeVisible();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe('installed');

    // The app reloads the page itself: requests cut short by that navigation are expected.
    await problems.duringNavigation(async () => {
      const reloaded = page.waitForEvent('load');
      await page.getByTestId('pwa-reload').click();
      await reloaded;
    });
    await expect(page.getByTestId('fired-map-0')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    // The waiting version took over (a plain reload would have left it waiting).
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(problems.errors).toEqual([]);
  } finally {
    host.kill();
    await rm(root, { recursive: true, force: true });
  }
});

test('the web app manifest is linked and valid, and its icons load', async ({ page, problems }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href ?? '', page.url()).href;
  const response = await page.request.get(manifestUrl);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    display: string;
    start_url: string;
    scope: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toContain('ConvLens');
  expect(manifest.short_name).toBe('ConvLens');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  // Relative start URL and scope: the installed app opens where it was served from.
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(new URL('./', page.url()).href);
  expect(new URL(manifest.scope, manifestUrl).href).toBe(new URL('./', page.url()).href);
  const sizes = new Set<string>();
  for (const icon of manifest.icons) {
    const image = await page.request.get(new URL(icon.src, manifestUrl).href);
    expect(image.ok(), icon.src).toBe(true);
    const png = await image.body();
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const side = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
    expect(side, icon.src).toBe(icon.sizes);
    sizes.add(`${icon.sizes} ${icon.purpose ?? 'any'}`);
  }
  expect([...sizes]).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  expect(problems.errors).toEqual([]);
});
