import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp, drawStroke, expectTensorsBackTo, stableTensorCount, wrongConfusionCells, SEVEN_STROKE } from './fixtures';

/** Clicks the centre of cell (row, col) of a map drawn as a rows x cols grid. */
async function clickCell(page: Page, testId: string, row: number, col: number, rows: number, cols: number) {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not visible`);
  await page.mouse.click(box.x + ((col + 0.5) / cols) * box.width, box.y + ((row + 0.5) / rows) * box.height);
}

test('teaching panels: softmax worked, pooling compared, receptive fields, confusion matrix', async ({ page, problems }) => {
  await openApp(page);
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveAttribute('data-digit', '2', { timeout: 60_000 });
  await page.getByTestId('tab-network').click();

  await test.step('softmax and cross-entropy for the default "2" match the prediction card', async () => {
    const panel = page.getByTestId('softmax-worked');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('true-label')).toHaveValue('2');
    await expect(page.getByTestId('true-label')).toBeDisabled();
    const confidence = Number(await prediction.getAttribute('data-confidence'));
    const p2 = Number(await page.getByTestId('softmax-row-2').getAttribute('data-probability'));
    expect(Math.abs(p2 - confidence)).toBeLessThan(1e-4);
    let sum = 0;
    for (let d = 0; d < 10; d++) sum += Number(await page.getByTestId(`softmax-row-${d}`).getAttribute('data-probability'));
    expect(sum).toBeCloseTo(1, 9);
    const loss = Number(await page.getByTestId('loss-value').getAttribute('data-loss'));
    expect(loss).toBeGreaterThan(0);
    expect(loss).toBeCloseTo(-Math.log(p2), 9);
    await expect(page.getByTestId('loss-value')).toContainText('−ln(');
    await page.getByTestId('info-softmax-worked').click();
    await expect(page.getByTestId('info-softmax-worked-text')).toContainText('Cross-entropy');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('info-softmax-worked-text')).toHaveCount(0);
  });

  await test.step('max >= average >= min for the same window, which follows the keyboard', async () => {
    const columns = ['max', 'avg', 'min'].map((k) => page.getByTestId(`pool-compare-${k}`));
    const read = async () =>
      Promise.all(
        columns.map(async (c) => ({
          window: await c.getAttribute('data-window'),
          value: Number(await c.getAttribute('data-value')),
          values: (await c.getAttribute('data-values'))!.split(',').map(Number),
        })),
      );
    const check = async (window: string | null) => {
      const [max, avg, min] = await read();
      if (window) expect(max.window).toBe(window);
      expect(new Set([max.window, avg.window, min.window]).size).toBe(1);
      expect(max.value).toBe(Math.max(...max.values));
      expect(min.value).toBe(Math.min(...min.values));
      expect(avg.value).toBeCloseTo(avg.values.reduce((a, b) => a + b, 0) / 4, 5);
      expect(max.value).toBeGreaterThanOrEqual(avg.value);
      expect(avg.value).toBeGreaterThanOrEqual(min.value);
      return max;
    };
    const first = await check(null);
    expect(first.value).toBeGreaterThan(first.values.reduce((a, b) => Math.min(a, b))); // a telling window
    await page.getByTestId('pool-compare-avg-map').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await check('1,1');
  });

  await test.step('receptive fields of pool2 and conv2 cells follow the default arithmetic', async () => {
    const region = page.getByTestId('receptive-field');
    await expect(page.getByTestId('rf-layer')).toHaveValue('pool2');
    // pool2 is 5 x 5; its cell (r, c) sees input rows 4r .. 4r + 9 (0-based).
    await clickCell(page, 'rf-map', 1, 3, 5, 5);
    await expect(region).toHaveAttribute('data-cell', '2,4');
    await expect(region).toHaveAttribute('data-rows', '5–14');
    await expect(region).toHaveAttribute('data-cols', '13–22');
    await expect(region).toContainText('10 × 10');
    // conv2 is 11 x 11; its cell (r, c) sees input rows 2r .. 2r + 7.
    await page.getByTestId('rf-layer').selectOption('conv2');
    await page.getByTestId('rf-map').focus();
    await page.keyboard.press('ArrowRight');
    await expect(region).toHaveAttribute('data-cell', '2,5');
    await expect(region).toHaveAttribute('data-rows', '3–10');
    await expect(region).toHaveAttribute('data-cols', '9–16');
    await expect(page.getByTestId('rf-path')).toContainText('pool1: rows 2–4, cols 5–7');
  });

  await test.step('the confusion matrix opens a misclassified digit in the visualiser', async () => {
    const before = await stableTensorCount(page);
    await page.getByTestId('confusion-compute').click();
    const score = page.getByTestId('confusion-score');
    await expect(score).toBeVisible({ timeout: 90_000 });
    expect(Number(await score.getAttribute('data-correct'))).toBeGreaterThanOrEqual(985);
    await expectTensorsBackTo(page, before);

    // The matrix exports as a standalone SVG with its axis titles.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figure-confusion').getByTestId('export-svg').click()]);
    expect(download.suggestedFilename()).toMatch(/confusion-matrix\.svg$/);
    const svg = readFileSync(await download.path(), 'utf8');
    expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(svg).toContain('true digit');

    const wrong = await wrongConfusionCells(page);
    expect(wrong.length).toBeGreaterThan(0);
    const cell = page.getByTestId(wrong[0].id);
    await cell.click();
    const items = page.getByTestId('misclassified-item');
    await expect(items).toHaveCount(wrong[0].count);
    const item = items.first();
    const digit = await item.getAttribute('data-digit');
    const index = await item.getAttribute('data-index');
    const predicted = await item.getAttribute('data-predicted');
    expect(wrong[0].id).toBe(`confusion-cell-${digit}-${predicted}`);
    await item.click();
    await expect(page.getByTestId('input-source')).toHaveText(`MNIST digit ${digit}, number ${index}`);
    await expect(page.getByTestId('sample-index')).toHaveValue(index!);
    await expect(prediction).toHaveAttribute('data-up-to-date', 'true');
    await expect(prediction).toHaveAttribute('data-digit', predicted!);
    await expect(page.getByTestId('true-label')).toHaveValue(digit!);
    await expect(page.getByTestId('confusion-loaded')).toContainText(`the network says ${predicted}`);
    expect(Number(await page.getByTestId('loss-value').getAttribute('data-loss'))).toBeGreaterThan(Math.log(2));
  });

  await test.step('for a drawing, the reader chooses the true digit and gets its loss', async () => {
    await page.getByTestId('clear').click();
    await drawStroke(page, SEVEN_STROKE);
    await expect(prediction).toHaveAttribute('data-digit', '7');
    await expect(prediction).toHaveAttribute('data-up-to-date', 'true');
    const label = page.getByTestId('true-label');
    // The worked panels follow the input only while on screen: scrolled back, they catch up.
    await label.scrollIntoViewIfNeeded();
    await expect(label).toBeEnabled();
    await expect(label).toHaveValue('');
    await expect(page.getByTestId('loss-value')).toHaveAttribute('data-loss', '');
    await label.selectOption('1');
    const p1 = Number(await page.getByTestId('softmax-row-1').getAttribute('data-probability'));
    const loss = Number(await page.getByTestId('loss-value').getAttribute('data-loss'));
    expect(loss).toBeCloseTo(-Math.log(p1), 9);
    expect(loss).toBeGreaterThan(Math.log(2));
  });

  expect(problems.errors).toEqual([]);
});
