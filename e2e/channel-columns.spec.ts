import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';

interface Fit {
  columns: number;
  channels: number;
  /** The CSS width of a row of `columns` channels, and of one more. */
  rowWidth: number;
  oneMore: number;
  available: number;
  /** Largest distance in CSS px between a channel's element and its place on the canvas. */
  misplaced: number;
}

/** How conv1's channels sit: the canvas layout, the width the layer's row has, and each channel element's offset. */
async function conv1Fit(page: Page): Promise<Fit> {
  return page.getByTestId('channels-conv1').evaluate((root) => {
    const canvas = root.querySelector('canvas')!;
    const n = (k: string) => Number(canvas.getAttribute(`data-${k}`));
    const [columns, channels, mapWidth, mapHeight, gapX, gapY] = ['columns', 'channels', 'map-width', 'map-height', 'gap-x', 'gap-y'].map(n);
    const box = canvas.getBoundingClientRect();
    const px = box.width / canvas.width;
    let misplaced = 0;
    for (let i = 0; i < channels; i++) {
      const el = root.querySelector(`[data-testid="channel-conv1-${i + 1}"]`)!.getBoundingClientRect();
      const x = box.left + (i % columns) * (mapWidth + gapX) * px;
      const y = box.top + Math.floor(i / columns) * (mapHeight + gapY) * px;
      misplaced = Math.max(misplaced, Math.abs(el.left - x), Math.abs(el.top - y), Math.abs(el.width - mapWidth * px), Math.abs(el.height - mapHeight * px));
    }
    const rowWidth = (columns * mapWidth + (columns - 1) * gapX) * px;
    return {
      columns,
      channels,
      rowWidth,
      oneMore: rowWidth + (mapWidth + gapX) * px,
      available: root.closest('[data-testid="layer-conv1"]')!.clientWidth,
      misplaced,
    };
  });
}

test("a layer's channels fill the width it has, each channel's element over its channel, and follow a resize", async ({ page, problems }) => {
  await openApp(page);
  await page.getByTestId('tab-network').click();
  const canvas = page.getByTestId('channels-conv1').locator('canvas');
  await expect(canvas).toHaveAttribute('data-paints', /[1-9]/);

  const check = async (what: string) => {
    const fit = await conv1Fit(page);
    expect(fit.rowWidth, `${what}: the row fits (${JSON.stringify(fit)})`).toBeLessThanOrEqual(fit.available + 0.5);
    if (fit.columns < fit.channels) expect(fit.oneMore, `${what}: one more channel would not fit (${JSON.stringify(fit)})`).toBeGreaterThan(fit.available);
    expect(fit.misplaced, `${what}: every channel element sits over its channel`).toBeLessThan(1);
    return fit;
  };
  const wide = await check('wide');
  expect(wide.channels).toBe(16);

  const paints = Number(await canvas.getAttribute('data-paints'));
  await page.setViewportSize({ width: 640, height: 768 });
  await expect.poll(async () => (await conv1Fit(page)).columns, { message: 'a narrower window holds fewer channels a row' }).toBeLessThan(wide.columns);
  await check('narrow');
  // A narrow window stacks the panels: the layer may now sit below the fold, where nothing paints.
  await canvas.scrollIntoViewIfNeeded();
  await expect.poll(async () => Number(await canvas.getAttribute('data-paints')), { message: 'the new layout was painted' }).toBeGreaterThan(paints);
  expect(problems.errors).toEqual([]);
});
