import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, endRun } from './fixtures';

interface Saved {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Clicks `button` and returns the file it downloads. */
async function download(page: Page, button: Locator): Promise<Saved> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Checks the PNG signature and IHDR chunk, decodes the file in the page, returns its size. */
async function expectPng(page: Page, file: Saved): Promise<{ width: number; height: number }> {
  expect(file.name).toMatch(/^convlens-[a-z0-9-]+\.png$/);
  expect([...file.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(file.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const width = file.bytes.readUInt32BE(16);
  const height = file.bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(0);
  expect(height).toBeGreaterThan(0);
  const decoded = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    // Count distinct colours on the middle row: a blank picture has one.
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const row = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < row.length; i += 4) colours.add((row[i] << 16) | (row[i + 1] << 8) | row[i + 2]);
    return { width: bitmap.width, height: bitmap.height, colours: colours.size };
  }, file.bytes.toString('base64'));
  expect(decoded).toMatchObject({ width, height });
  expect(decoded.colours).toBeGreaterThan(2);
  return { width, height };
}

/** Parses an SVG file as XML in the page: its root, its visible text, and whether it renders as an image. */
async function expectSvg(page: Page, file: Saved): Promise<string> {
  expect(file.name).toMatch(/^convlens-[a-z0-9-]+\.svg$/);
  const parsed = await page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await img.decode();
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.localName,
      ns: doc.documentElement.namespaceURI,
      text: [...doc.querySelectorAll('text, title')].map((t) => t.textContent).join(' | '),
      width: img.naturalWidth,
    };
  }, file.bytes.toString('utf8'));
  expect(parsed).toMatchObject({ errors: 0, root: 'svg', ns: 'http://www.w3.org/2000/svg' });
  expect(parsed.width).toBeGreaterThan(0);
  return parsed.text;
}

test('a feature map, the softmax bars, a network layer and the whole view export as valid PNG / SVG files', async ({ page, problems }) => {
  await openApp(page);
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '2', { timeout: 60_000 });

  const fired = page.getByTestId('figure-fired-map-0');
  await expect(fired.getByTestId('export-png')).toHaveAccessibleName(/PNG: Filter 1 thresholded map/);
  await expect(fired.getByTestId('export-svg')).toHaveCount(0);
  const map = await download(page, fired.getByTestId('export-png'));
  expect(map.name).toBe('convlens-filter-1-thresholded.png');
  const mapSize = await expectPng(page, map);
  expect(mapSize.width).toBeGreaterThanOrEqual(26 * 18); // crisp integer upscaling of the 26 × 26 map

  const softmax = page.getByTestId('figure-softmax');
  const barsPng = await download(page, softmax.getByTestId('export-png'));
  expect(barsPng.name).toBe('convlens-softmax.png');
  await expectPng(page, barsPng);
  const barsSvg = await download(page, softmax.getByTestId('export-svg'));
  expect(barsSvg.name).toBe('convlens-softmax.svg');
  const barsText = await expectSvg(page, barsSvg);
  expect(barsText).toContain('Softmax probabilities');
  expect(barsText).toMatch(/\b9\b/);
  expect(barsText).toMatch(/\d+%/);

  const view = await download(page, page.getByTestId('export-panel'));
  expect(view.name).toBe('convlens-filters-view.png');
  expect((await expectPng(page, view)).width).toBeGreaterThanOrEqual(1400);

  await page.getByTestId('tab-network').click();
  const conv1 = page.getByTestId('figure-layer-conv1');
  const layer = await download(page, conv1.getByTestId('export-png'));
  expect(layer.name).toBe('convlens-conv1.png');
  const grid = await expectPng(page, layer);
  await conv1.getByTestId('export-channel').selectOption('3');
  await expect(conv1.getByTestId('export-png')).toHaveAccessibleName(/conv1 .*channel 3/);
  const channel = await download(page, conv1.getByTestId('export-png'));
  expect(channel.name).toBe('convlens-conv1-channel-3.png');
  const one = await expectPng(page, channel);
  expect(one.width).toBeGreaterThanOrEqual(26 * 18); // one 26 × 26 channel, upscaled crisply
  expect(one.width).toBeLessThan(grid.width); // not the grid of all 16 channels
  expect((await download(page, page.getByTestId('export-panel'))).name).toBe('convlens-network-view.png');
  expect(problems.errors).toEqual([]);
});

test('a training chart exports as PNG and as SVG with its title, axis label and curve', async ({ page, problems }) => {
  await openApp(page);
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-examples').selectOption('256');
  await page.getByTestId('train-epochs').selectOption('1');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('chart-loss')).not.toHaveAttribute('data-last', '', { timeout: 90_000 });
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', /finished|running/);
  await endRun(page);

  const loss = page.getByTestId('figure-loss');
  await expect(loss.getByTestId('export-svg')).toHaveAccessibleName(/SVG: Loss/);
  const png = await download(page, loss.getByTestId('export-png'));
  expect(png.name).toBe('convlens-loss.png');
  await expectPng(page, png);
  const svg = await download(page, loss.getByTestId('export-svg'));
  expect(svg.name).toBe('convlens-loss.svg');
  const text = await expectSvg(page, svg);
  expect(text).toContain('Loss (cross-entropy)');
  expect(text).toContain('digits seen');
  expect(svg.bytes.toString('utf8')).toMatch(/<path[^>]* d="M[\d.]+,[\d.]+L/);
  expect((await download(page, page.getByTestId('export-panel'))).name).toBe('convlens-training-view.png');
  expect(problems.errors).toEqual([]);
});
