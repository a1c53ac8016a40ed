import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, drawStroke } from './fixtures';

/** How many paints a canvas received (the paint scheduler counts them in data-paints). */
async function paints(canvas: Locator): Promise<number> {
  return Number((await canvas.getAttribute('data-paints')) ?? 0);
}

/** The paints of every canvas in the filters tab's panel, summed. */
async function filterPaints(page: Page): Promise<number> {
  return page.locator('#tabpanel-filters canvas').evaluateAll((all) => all.reduce((n, c) => n + Number(c.getAttribute('data-paints') ?? 0), 0));
}

/** A legend as drawn: its range in words and its ticks' places (they move with the range). */
function legendDrawn(legend: Locator): Promise<string> {
  return legend.evaluate((svg) => svg.outerHTML);
}

/** Waits until the prediction belongs to the drawing now on the pad. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-up-to-date', 'true');
}

const ZIGZAG = [
  [0.3, 0.2],
  [0.7, 0.3],
  [0.3, 0.5],
  [0.7, 0.7],
  [0.4, 0.85],
] as const;

// A window tall enough to show the first layer rows under the network overview, with the pad.
test.use({ viewport: { width: 1366, height: 1800 } });

test('a pen move repaints the layer canvases without rendering the layer tree; views out of sight paint nothing until shown', async ({ page, problems }) => {
  await openApp(page);
  // The maps paint in an animation frame after the page shows them: wait for it.
  await expect.poll(() => filterPaints(page), { message: 'the edge-filter maps were painted' }).toBeGreaterThan(0);
  await page.getByTestId('tab-network').click();
  const conv1 = page.getByTestId('layer-conv1');
  const canvas = conv1.locator('canvas');
  await expect(conv1.locator('[data-channel]')).toHaveCount(16);
  await expect.poll(() => paints(canvas)).toBeGreaterThan(0);
  await settled(page);
  const channels = page.getByTestId('channels-conv1');
  const renders = Number(await channels.getAttribute('data-renders'));
  expect(renders).toBeGreaterThan(0);
  const before = await paints(canvas);
  // The last layer sits far below the fold: it must not be painted while out of view.
  const softmaxCanvas = page.getByTestId('layer-softmax').locator('canvas');
  const box = await softmaxCanvas.boundingBox();
  expect(box && box.y > (page.viewportSize()?.height ?? 0) + 300, 'the softmax layer starts out of view').toBe(true);
  const softmaxBefore = await paints(softmaxCanvas);
  const filtersHidden = await filterPaints(page);
  // The legends: conv1's ReLU on screen, the logits' out of view.
  const conv1Legend = page.getByTestId('layer-conv1_relu').locator('svg.legend').first();
  const logitsLegend = page.getByTestId('layer-logits').locator('svg.legend').first();
  const conv1LegendBefore = await legendDrawn(conv1Legend);
  const logitsLegendBefore = await legendDrawn(logitsLegend);

  await page.getByTestId('clear').click();
  await drawStroke(page, ZIGZAG, 6);
  await settled(page);
  await expect.poll(() => paints(canvas), { message: 'conv1 repainted for the new drawing' }).toBeGreaterThan(before + 2);
  expect(Number(await channels.getAttribute('data-renders')), 'no pen move rendered the channels in React').toBe(renders);
  expect(await paints(softmaxCanvas), 'the softmax layer, out of view, was not painted').toBe(softmaxBefore);
  expect(await filterPaints(page), 'the hidden filters tab was not painted').toBe(filtersHidden);
  // conv1's ReLU legend has followed the new drawing; the logits' legend, updated by the same store at
  // the same moments, would have too had it not been out of view.
  await expect.poll(() => legendDrawn(conv1Legend), { message: "conv1's ReLU legend followed the drawing" }).not.toBe(conv1LegendBefore);
  expect(await legendDrawn(logitsLegend), 'the logits legend, out of view, kept its range').toBe(logitsLegendBefore);

  // Shown again, each view paints once with the latest data.
  await softmaxCanvas.scrollIntoViewIfNeeded();
  await expect.poll(() => paints(softmaxCanvas)).toBeGreaterThan(softmaxBefore);
  await logitsLegend.scrollIntoViewIfNeeded();
  await expect.poll(() => legendDrawn(logitsLegend), { message: 'the logits legend caught up once shown' }).not.toBe(logitsLegendBefore);
  await page.getByTestId('tab-filters').click();
  await expect.poll(() => filterPaints(page)).toBeGreaterThan(filtersHidden);
  expect(problems.errors).toEqual([]);
});
