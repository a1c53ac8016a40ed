import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { neighbourAccuracy } from '../src/core/neighbourAccuracy';
import { readMnist } from '../src/data/node';
import { splitIndices } from '../src/data/split';
import { test, expect, drawStroke, expectTensorsBackTo, SEVEN_STROKE, openTabWithBaseline } from './fixtures';

/** The held-out digits in the map's order, as the test's own data: label and sample link value. */
const data = readMnist();
const heldOut = Array.from(splitIndices(data).test, (g) => {
  const digit = data.labels[g];
  return { digit, link: `${digit}.${g - data.classStart[digit]}` };
});

interface Points {
  readonly xy: Float64Array;
  readonly labels: Int32Array;
}

/** Every point's layout coordinates and class, as the plot's data attributes give them. */
async function plotPoints(page: Page): Promise<Points> {
  const raw = await page
    .getByTestId('digit-map-plot')
    .locator('[data-index]')
    .evaluateAll((els) =>
      els.map((el) => [
        Number(el.getAttribute('data-index')),
        Number(el.getAttribute('data-x')),
        Number(el.getAttribute('data-y')),
        Number(el.getAttribute('data-label')),
      ]),
    );
  const xy = new Float64Array(2 * raw.length);
  const labels = new Int32Array(raw.length);
  for (const [i, x, y, label] of raw) {
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    labels[i] = label;
  }
  return { xy, labels };
}

const ready = (page: Page, layer: string) =>
  expect(page.getByTestId('digit-map-panel'))
    .toHaveAttribute('data-state', 'ready', { timeout: 60_000 })
    .then(() => expect(page.getByTestId('digit-map-panel')).toHaveAttribute('data-layer', layer));

test('the map of all digits: fitted in a worker with progress, its 5-NN accuracy checked here, keyboard opens a digit, a stroke moves the input dot, the link keeps the layer', async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  const tensors = await openTabWithBaseline(page, 'learned');
  const panel = page.getByTestId('digit-map-panel');

  await test.step('the pixels map: progress from the worker, then 1,000 points whose 5-NN accuracy is the one shown', async () => {
    await expect(page.getByTestId('digit-map-progress')).toBeVisible();
    await ready(page, 'pixels');
    const { xy, labels } = await plotPoints(page);
    expect(labels.length).toBe(1000);
    expect(Array.from(labels)).toEqual(heldOut.map((h) => h.digit));
    const accuracy = neighbourAccuracy(xy, labels, 5);
    expect(Number(await panel.getAttribute('data-accuracy'))).toBe(accuracy);
    await expect(page.getByTestId('digit-map-separation').locator('[data-layer="pixels"]')).toHaveAttribute('data-accuracy', String(accuracy));
    await expect(page.getByTestId('digit-map-separation')).toContainText(`${(100 * accuracy).toFixed(1)} %`);
    expect(accuracy).toBeGreaterThan(0.7);
  });

  await test.step('the dense layer: separates the digits better, kept in the link', async () => {
    await page.getByTestId('digit-map-layer-dense').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ml')).toBe('dense');
    await ready(page, 'dense');
    const { xy, labels } = await plotPoints(page);
    const dense = neighbourAccuracy(xy, labels, 5);
    expect(Number(await panel.getAttribute('data-accuracy'))).toBe(dense);
    const pixels = Number(await page.getByTestId('digit-map-separation').locator('[data-layer="pixels"]').getAttribute('data-accuracy'));
    expect(dense).toBeGreaterThan(pixels + 0.05);
    // Each digit's name sits on a point of its own class (the one nearest the class's medians).
    const names = await page
      .getByTestId('digit-map-names')
      .locator('text')
      .evaluateAll((els) => els.map((el) => [Number(el.getAttribute('data-digit')), Number(el.getAttribute('data-anchor')), el.textContent]));
    expect(names.map(([digit]) => digit)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const [digit, anchor, text] of names) {
      expect(labels[anchor as number]).toBe(digit);
      expect(text).toBe(String(digit));
    }
  });

  await test.step('the keyboard: arrow keys move between points and announce them, Enter opens the digit', async () => {
    const plot = page.getByTestId('digit-map-plot');
    await plot.focus();
    await expect(plot).toHaveAttribute('data-cursor', '0');
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight']) await page.keyboard.press(key);
    const cursor = Number(await plot.getAttribute('data-cursor'));
    expect(cursor).not.toBe(0);
    const target = heldOut[cursor];
    await expect(page.getByTestId('digit-map-announce')).toContainText(`Digit ${target.digit}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('s')).toBe(target.link);
    // The opened digit is placed on the map by the same layout.
    await expect(page.getByTestId('digit-map-input')).toBeVisible();
  });

  await test.step('a stroke moves the input dot, among the 7s on the dense map', async () => {
    const dot = page.getByTestId('digit-map-input');
    const before = [await dot.getAttribute('data-x'), await dot.getAttribute('data-y')];
    await page.getByTestId('clear').click();
    await drawStroke(page, SEVEN_STROKE);
    await expect.poll(async () => [await dot.getAttribute('data-x'), await dot.getAttribute('data-y')]).not.toEqual(before);
    const x = Number(await dot.getAttribute('data-x'));
    const y = Number(await dot.getAttribute('data-y'));
    const { xy, labels } = await plotPoints(page);
    const nearest = Array.from(labels, (_, i) => i)
      .sort((a, b) => Math.hypot(xy[2 * a] - x, xy[2 * a + 1] - y) - Math.hypot(xy[2 * b] - x, xy[2 * b + 1] - y))
      .slice(0, 5);
    expect(nearest.filter((i) => labels[i] === 7).length).toBeGreaterThanOrEqual(3);
  });

  await test.step('the SVG export holds the thousand markers and, from the overlay, your digit where the page shows it', async () => {
    const dot = page.getByTestId('digit-map-input');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figure-digit-map').getByTestId('export-svg').click()]);
    const svg = await readFile(await file.path(), 'utf8');
    expect(svg.match(/data-index="/g)).toHaveLength(1000);
    expect(svg).toContain(`transform="${await dot.getAttribute('transform')}"`);
    expect(svg).toContain('your digit');
  });

  await test.step('every layer mapped: one bar a layer, each equal to its layout, the chosen map unchanged', async () => {
    const shown = await plotPoints(page);
    await page.getByTestId('digit-map-every-layer').click();
    const bars = page.getByTestId('digit-map-separation').locator('[data-layer]');
    await expect(bars).toHaveCount(4);
    for (const name of ['pixels', 'pool1', 'pool2', 'dense1']) {
      await expect(bars.and(page.locator(`[data-layer="${name}"]`))).not.toHaveAttribute('data-accuracy', '', { timeout: 60_000 });
    }
    await expect(page.getByTestId('digit-map-progress')).toHaveCount(0);
    const accuracies = await bars.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-layer')} ${el.getAttribute('data-accuracy')}`));
    test.info().annotations.push({ type: '5-NN accuracy', description: accuracies.join(', ') });
    expect(Array.from((await plotPoints(page)).xy)).toEqual(Array.from(shown.xy));
  });

  await expectTensorsBackTo(page, tensors);

  await test.step('the link reopens the same layer', async () => {
    await page.goto(page.url());
    await expect(page.getByTestId('tab-learned')).toHaveAttribute('aria-selected', 'true');
    await ready(page, 'dense');
    await expect(page.getByTestId('digit-map-layer-dense')).toHaveAttribute('aria-pressed', 'true');
  });
  expect(problems.errors).toEqual([]);
});
