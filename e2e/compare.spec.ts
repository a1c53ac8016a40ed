import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';

/** The article's four filters, rows concatenated (diagonal, anti-diagonal, horizontal, vertical). */
const EDGE_FILTERS = [
  [2, -1, -1, -1, 2, -1, -1, -1, 2],
  [-1, -1, 2, -1, 2, -1, 2, -1, -1],
  [-1, -1, -1, 2, 2, 2, -1, -1, -1],
  [-1, 2, -1, -1, 2, -1, -1, 2, -1],
];

async function kernelValues(card: Locator): Promise<number[]> {
  return ((await card.getAttribute('data-values')) ?? '').split(',').map(Number);
}

test('hand-made versus learned filters, a frozen edge-filter start, and a dropout mask per step', async ({ page, problems }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 30_000 });

  // The four hand-made filters and the shipped network's 16 learned conv1 kernels, each with nine numbers.
  await page.getByTestId('tab-lessons').click();
  const handmade = page.getByTestId('compare-handmade');
  await expect(handmade).toHaveAttribute('data-count', '4');
  for (let i = 0; i < 4; i++) {
    const card = page.getByTestId(`compare-handmade-${i}`);
    expect(await kernelValues(card)).toEqual(EDGE_FILTERS[i]);
    await expect(card.locator('.kernel-card__cell')).toHaveCount(9);
  }
  const learned = page.getByTestId('compare-learned');
  await expect(learned).toHaveAttribute('data-count', '16');
  await expect(learned.locator('figure')).toHaveCount(16);
  await expect(page.getByTestId('compare-learned-0').locator('.kernel-card__cell').first()).toHaveText(/^-?\d+\.\d\d$/);

  // The training tab: one step's dropout mask (128 units at rate 0.4), then a new step draws another.
  await page.getByTestId('tab-training').click();
  const mask = page.getByTestId('dropout-mask');
  await expect(mask).toBeVisible();
  expect(Number(await mask.getAttribute('data-dropped'))).toBeGreaterThan(0);
  await expect(mask.locator('.dropout-unit')).toHaveCount(128);
  const before = await mask.getAttribute('data-mask');
  await page.getByTestId('dropout-new-step').click();
  await expect(mask).not.toHaveAttribute('data-mask', before ?? '');
  expect(Number(await mask.getAttribute('data-dropped'))).toBeGreaterThan(0);

  // A short run of the small class-demo network with conv1 frozen at the edge filters.
  await page.getByTestId('train-preset').selectOption('class-demo');
  await page.getByTestId('train-first-layer').selectOption('edge-frozen');
  await page.getByTestId('train-examples').selectOption('100');
  await page.getByTestId('train-batch').selectOption('64');
  await page.getByTestId('train-epochs').selectOption('2');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 60_000 });
  await expect(page.getByTestId('run-compare-current')).toBeVisible();
  await expect(page.getByTestId('run-compare-previous')).toHaveCount(0);
  const first = await lastRun(page);

  // The trained model is in view: its conv1 kernels 1-4 are still exactly the edge filters / 3.
  await page.getByTestId('tab-lessons').click();
  await expect(learned).toHaveAttribute('data-count', '8');
  for (let i = 0; i < 4; i++) {
    const values = await kernelValues(page.getByTestId(`compare-learned-${i}`));
    values.forEach((v, k) => expect(v).toBeCloseTo(EDGE_FILTERS[i][k] / 3, 5));
  }
  await expect(page.getByTestId('compare-learned-0').locator('.kernel-card__cell').first()).toHaveText('0.67');

  // A second run from random kernels: the charts keep the first run's held-out curve, dashed,
  // and the comparison table shows both runs' training and held-out accuracy and their gap.
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-first-layer').selectOption('random');
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout: 60_000 });
  const second = await lastRun(page);
  for (const chart of ['loss', 'accuracy'] as const) {
    const dashed = page.getByTestId(`chart-${chart}-series-2`);
    await expect(dashed).toHaveAttribute('data-dashed', 'true');
    await expect(dashed).toHaveAttribute('data-values', first.heldOut[chart]);
    await expect(dashed.locator('path')).toHaveAttribute('stroke-dasharray', /\d/);
    await expect(page.getByTestId(`chart-${chart}-series-1`)).toHaveAttribute('data-values', second.heldOut[chart]);
    await expect(page.getByTestId(`chart-${chart}-series-1`)).toHaveAttribute('data-dashed', 'false');
  }
  await expect(page.getByTestId('previous-run-note')).toContainText('edge filters');
  for (const [row, run] of [
    ['previous', first],
    ['current', second],
  ] as const) {
    const tr = page.getByTestId(`run-compare-${row}`);
    expect(Number(await tr.getAttribute('data-gap')), row).toBeCloseTo(run.train - run.heldOutAccuracy, 9);
    await expect(tr.locator('td').nth(3), row).toHaveText(`${(run.train * 100).toFixed(1)}%`);
    await expect(tr.locator('td').nth(4), row).toHaveText(`${(run.heldOutAccuracy * 100).toFixed(1)}%`);
  }
  await expect(page.getByTestId('run-compare-previous').locator('td').first()).not.toHaveText(
    await page.getByTestId('run-compare-current').locator('td').first().innerText(),
  );
  expect(problems.errors).toEqual([]);
});

/** The finished run in view: its held-out curves as the charts hold them, and its last epoch's accuracies. */
async function lastRun(page: Page) {
  const heldout = page.getByTestId('train-heldout');
  return {
    heldOut: {
      loss: (await page.getByTestId('chart-loss-series-1').getAttribute('data-values')) ?? '',
      accuracy: (await page.getByTestId('chart-accuracy-series-1').getAttribute('data-values')) ?? '',
    },
    heldOutAccuracy: Number(await heldout.getAttribute('data-accuracy')),
    train: Number(await heldout.getAttribute('data-train-accuracy')),
  };
}
