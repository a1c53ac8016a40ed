import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, openApp, waitForNetwork } from './fixtures';

/** One conv block of a spec as the link writes it (see src/state/specCodec.ts). */
interface Block {
  readonly filters: number;
  readonly kernel: number;
  readonly stride: number;
  readonly same: boolean;
  readonly pool: number; // window = stride; 0 for none
}

/**
 * The spatial layers of a spec, worked out here from the spec alone (not with the app's code):
 * each layer's name, side, window (kernel, stride, zeros before) and channels.
 */
function spatialChain(blocks: readonly Block[]) {
  const chain: { name: string; side: number; kernel: number; stride: number; before: number; channels: number; conv: boolean }[] = [];
  let n = 28;
  blocks.forEach((b, i) => {
    const side = b.same ? Math.ceil(n / b.stride) : Math.floor((n - b.kernel) / b.stride) + 1;
    const before = b.same ? Math.floor(Math.max((side - 1) * b.stride + b.kernel - n, 0) / 2) : 0;
    chain.push({ name: `conv${i + 1}`, side, kernel: b.kernel, stride: b.stride, before, channels: b.filters, conv: true });
    chain.push({ name: `conv${i + 1}_relu`, side, kernel: 1, stride: 1, before: 0, channels: b.filters, conv: false });
    n = side;
    if (b.pool) {
      n = Math.floor(n / b.pool);
      chain.push({ name: `pool${i + 1}`, side: n, kernel: b.pool, stride: b.pool, before: 0, channels: b.filters, conv: false });
    }
  });
  return chain;
}

/**
 * What cell (row, col) of `layer` depends on: the rows and columns of the layer before (clipped
 * to it), how many channels of it, and the input span, all 0-based inclusive.
 */
function expectedTrace(blocks: readonly Block[], layer: string, row: number, col: number) {
  const chain = spatialChain(blocks);
  const depth = chain.findIndex((l) => l.name === layer);
  const sides = [28, ...chain.map((l) => l.side)];
  const back = (lo: number, hi: number, d: number) => {
    const l = chain[d];
    return [Math.max(0, lo * l.stride - l.before), Math.min(sides[d] - 1, hi * l.stride - l.before + l.kernel - 1)];
  };
  const [r0, r1] = back(row, row, depth);
  const [c0, c1] = back(col, col, depth);
  let rows = [r0, r1];
  let cols = [c0, c1];
  for (let d = depth - 1; d >= 0; d--) {
    rows = back(rows[0], rows[1], d);
    cols = back(cols[0], cols[1], d);
  }
  const previous = depth > 0 ? chain[depth - 1] : null;
  const depChannels = chain[depth].conv ? (previous?.channels ?? 1) : 1;
  return {
    previous: previous?.name ?? 'input',
    depChannels,
    depCells: (r1 - r0 + 1) * (c1 - c0 + 1),
    rfRows: `${rows[0] + 1}–${rows[1] + 1}`,
    rfCols: `${cols[0] + 1}–${cols[1] + 1}`,
    rfCells: (rows[1] - rows[0] + 1) * (cols[1] - cols[0] + 1),
  };
}

/** The layer names the network view lists (its detail rows), in order. */
async function layerNames(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="layer-"][data-shape]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice('layer-'.length)));
}

/** Every part of the overview lies inside the first screen (the page scrolled to the top). */
async function expectOnFirstScreen(page: Page, names: readonly string[]) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const viewport = page.viewportSize()!;
  const ids = ['overview-input', ...names.map((n) => `overview-layer-${n}`), 'overview-softmax'];
  for (const id of ids) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box, id).not.toBeNull();
    expect(box.x, `${id} left`).toBeGreaterThanOrEqual(0);
    expect(box.y, `${id} top`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${id} right`).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height, `${id} bottom`).toBeLessThanOrEqual(viewport.height);
  }
}

/** Moves the mouse to the centre of cell (row, col) of channel 0 of a layer's tiles. */
async function hoverCell(page: Page, layer: string, row: number, col: number) {
  const tiles = page.getByTestId(`overview-maps-${layer}`);
  const box = (await tiles.boundingBox())!;
  const canvas = await tiles.locator('canvas').evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
  const px = box.width / canvas.width;
  await page.mouse.move(box.x + (col + 0.5) * px, box.y + (row + 0.5) * px);
}

/** Checks the traced cell's numbers and outlines against those worked out from the spec. */
async function expectTrace(page: Page, blocks: readonly Block[], layer: string, channel: number, row: number, col: number) {
  const want = expectedTrace(blocks, layer, row, col);
  const overview = page.getByTestId('network-overview');
  await expect(overview).toHaveAttribute('data-trace-cell', `${channel + 1},${row + 1},${col + 1}`);
  await expect(overview).toHaveAttribute('data-trace-layer', layer);
  await expect(overview).toHaveAttribute('data-dep-layer', want.previous);
  await expect(overview).toHaveAttribute('data-dep-channels', String(want.depChannels));
  await expect(overview).toHaveAttribute('data-dep-cells', String(want.depCells * want.depChannels));
  await expect(overview).toHaveAttribute('data-rf-rows', want.rfRows);
  await expect(overview).toHaveAttribute('data-rf-cols', want.rfCols);
  await expect(overview).toHaveAttribute('data-rf-cells', String(want.rfCells));
  // The outlines: one per channel drawn of the layer before, each over the cells it reads.
  const column = page.getByTestId(want.previous === 'input' ? 'overview-input' : `overview-layer-${want.previous}`);
  const shown = want.previous === 'input' ? 1 : Number(await column.getAttribute('data-shown'));
  const deps = column.getByTestId('overview-dep');
  await expect(deps).toHaveCount(want.depChannels > 1 ? Math.min(shown, want.depChannels) : 1);
  for (const cells of await deps.evaluateAll((els) => els.map((e) => e.getAttribute('data-cells')))) expect(cells).toBe(String(want.depCells));
  // The receptive field on the input, as wide as the span it covers.
  const rf = page.getByTestId('overview-input').getByTestId('overview-rf');
  await expect(rf).toHaveAttribute('data-cells', String(want.rfCells));
  const input = (await page.getByTestId('overview-input').locator('canvas').boundingBox())!;
  const rfBox = (await rf.boundingBox())!;
  const [c0, c1] = want.rfCols.split('–').map(Number);
  expect(rfBox.width).toBeCloseTo(((c1 - c0 + 1) * input.width) / 28, 0);
  await expect(page.getByTestId(`overview-layer-${layer}`).getByTestId('overview-chosen')).toHaveCount(1);
}

/** A fingerprint of every picture of the overview (their pixels). */
async function overviewPixels(page: Page): Promise<string> {
  return page.getByTestId('network-overview').evaluate((root) =>
    [...root.querySelectorAll('canvas')]
      .map((c) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let h = 0;
        for (let i = 0; i < data.length; i++) h = (h * 31 + data[i]) | 0;
        return h;
      })
      .join(','),
  );
}

const DEFAULT_BLOCKS: Block[] = [
  { filters: 16, kernel: 3, stride: 1, same: false, pool: 2 },
  { filters: 32, kernel: 3, stride: 1, same: false, pool: 2 },
];

test('the whole default network on the first screen: traced by pointer and keys, following the input, opening a layer', async ({ page, problems }) => {
  await openApp(page);
  await waitForNetwork(page);
  await page.getByTestId('tab-network').click();
  const overview = page.getByTestId('network-overview');
  await expect(overview).toHaveAttribute('data-fits', 'true');
  await expect(overview).toHaveAttribute('data-hidden', '0');
  const names = await layerNames(page);
  expect(names).toEqual(['conv1', 'conv1_relu', 'pool1', 'conv2', 'conv2_relu', 'pool2', 'dense1', 'dense1_relu', 'dropout1', 'logits', 'softmax']);
  await expectOnFirstScreen(page, names);
  await expect(page.getByTestId('overview-layer-conv2').locator('canvas')).toHaveAttribute('data-paints', /[1-9]/);

  // Pointer: a conv2 cell reads 3 x 3 cells of each of pool1's 16 channels, and sees 8 x 8 input pixels.
  await hoverCell(page, 'conv2', 4, 6);
  await expectTrace(page, DEFAULT_BLOCKS, 'conv2', 0, 4, 6);
  await hoverCell(page, 'conv1', 0, 25);
  await expectTrace(page, DEFAULT_BLOCKS, 'conv1', 0, 0, 25);

  // Keys: pool2 starts at its middle cell; a pool cell reads a 2 x 2 window of its own channel.
  await page.mouse.move(0, 0);
  await page.getByTestId('overview-maps-pool2').focus();
  await expectTrace(page, DEFAULT_BLOCKS, 'pool2', 0, 2, 2);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('PageDown');
  await expectTrace(page, DEFAULT_BLOCKS, 'pool2', 1, 3, 3);
  await expect(page.getByTestId('overview-trace')).toContainText('pool2 channel 2, row 4, column 4 reads 4 cells of conv2_relu');

  // Another digit: the overview repaints.
  const before = await overviewPixels(page);
  const paints = Number(await page.getByTestId('overview-layer-conv2').locator('canvas').getAttribute('data-paints'));
  await page.getByTestId('sample-class-7').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '7');
  await expect.poll(() => overviewPixels(page), { message: 'the overview shows the new digit' }).not.toBe(before);
  expect(Number(await page.getByTestId('overview-layer-conv2').locator('canvas').getAttribute('data-paints'))).toBeGreaterThan(paints);

  // One PNG of the whole overview, at twice its on-screen size.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('overview-export-png').click()]);
  expect(download.suggestedFilename()).toBe('convlens-network-overview.png');
  const png = await readFile(await download.path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const strip = (await overview.boundingBox())!;
  expect(png.readUInt32BE(16)).toBe(Math.ceil(strip.width * 2));
  expect(png.readUInt32BE(20)).toBe(Math.ceil(strip.height * 2));

  // Enter on a layer, or a click on its name, opens its detail row.
  await page.getByTestId('overview-maps-pool2').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('layer-pool2')).toBeFocused();
  await expect(page.getByTestId('layer-pool2')).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('overview-layer-dense1').getByRole('button').click();
  await expect(page.getByTestId('layer-dense1')).toBeFocused();
  await expect(page.getByTestId('layer-dense1')).toBeInViewport();
  expect(problems.errors).toEqual([]);
});

/** A deeper network without a dense layer, one of its layers with 128 channels. */
const DEEP = '8k5s1srn2.16k3s2vrm2.128k3s1srm2_';
const DEEP_BLOCKS: Block[] = [
  { filters: 8, kernel: 5, stride: 1, same: true, pool: 0 },
  { filters: 16, kernel: 3, stride: 2, same: false, pool: 2 },
  { filters: 128, kernel: 3, stride: 1, same: true, pool: 2 },
];

test('another architecture (deeper, same padding, a stride, 128 channels, no dense layer) fits the first screen too', async ({ page, problems }) => {
  test.setTimeout(180_000);
  await openApp(page, `?arch=${DEEP}`);
  await waitForNetwork(page);
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-examples').selectOption('256');
  await page.getByTestId('train-batch').selectOption('128');
  await page.getByTestId('train-epochs').selectOption('1');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 150_000 });
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('layer-conv3')).toHaveAttribute('data-shape', '6x6x128');

  const names = await layerNames(page);
  expect(names).toEqual(['conv1', 'conv1_relu', 'conv2', 'conv2_relu', 'pool2', 'conv3', 'conv3_relu', 'pool3', 'logits', 'softmax']);
  await expectOnFirstScreen(page, names);
  const overview = page.getByTestId('network-overview');
  await expect(overview).toHaveAttribute('data-fits', 'true');
  // Every channel is drawn or counted: what is left out says so.
  const conv3 = page.getByTestId('overview-layer-conv3');
  const shown = Number(await conv3.getAttribute('data-shown'));
  const more = Number(await conv3.getAttribute('data-more'));
  expect(shown + more).toBe(128);
  if (more > 0) await expect(page.getByTestId('overview-more-conv3')).toHaveText(`+${more} more`);
  else await expect(page.getByTestId('overview-more-conv3')).toHaveCount(0);

  // A stride-2 convolution reads 3 x 3 cells of all 8 channels; the 'same' 5 x 5 kernel before it widens the field to 7 x 7, clipped at the border.
  await hoverCell(page, 'conv2', 3, 5);
  await expectTrace(page, DEEP_BLOCKS, 'conv2', 0, 3, 5);
  await hoverCell(page, 'conv1', 0, 0);
  await expectTrace(page, DEEP_BLOCKS, 'conv1', 0, 0, 0);
  await hoverCell(page, 'conv3', 2, 4);
  await expectTrace(page, DEEP_BLOCKS, 'conv3', 0, 2, 4);
  expect(problems.errors).toEqual([]);
});
