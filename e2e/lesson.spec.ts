import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, waitForNetwork } from './fixtures';

const TABS = ['filters', 'network', 'training', 'lessons', 'learned'] as const;

/** True when two boxes overlap. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = await Promise.all([a.boundingBox(), b.boundingBox()]);
  if (!p || !q) return false;
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
}

/** The drawing pad and the prediction are on screen, and the lesson card covers neither. */
async function padAndPredictionShown(page: Page): Promise<void> {
  for (const id of ['draw-canvas', 'prediction']) {
    const el = page.getByTestId(id);
    await expect(el).toBeVisible();
    if ((await page.getByTestId('lesson').count()) > 0) expect(await overlap(el, page.getByTestId('lesson')), id).toBe(false);
  }
}

test('the guided lesson: closed on load, walks the article in order, back, close, resume after reload', async ({ page, problems }) => {
  await openApp(page);
  // The network has loaded (a reload later must not cut its download short).
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 60_000 });
  await waitForNetwork(page);
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  await expect(page.getByTestId('draw-canvas')).toBeInViewport();
  await expect(page.getByTestId('prediction')).toBeInViewport();

  await page.getByTestId('lesson-open').click();
  const card = page.getByTestId('lesson');
  await expect(card).toHaveAttribute('data-step', '0');
  const total = Number(/of (\d+)/.exec(await page.getByTestId('lesson-count').innerText())?.[1]);
  expect(total).toBeGreaterThanOrEqual(10);
  await expect(page.getByTestId('lesson-back')).toBeDisabled();

  const seen: string[] = [];
  /** The tab selected at each step. */
  const tabs: string[] = [];
  for (let i = 0; i < total; i++) {
    await expect(card).toHaveAttribute('data-step', String(i));
    await expect(page.getByTestId('lesson-count')).toHaveText(`Step ${i + 1} of ${total}`);
    const text = await page.getByTestId('lesson-text').innerText();
    expect(text.trim().length, `step ${i + 1}`).toBeGreaterThan(40);
    const focus = page.locator('[data-lesson-focus]');
    await expect(focus).toHaveCount(1);
    await expect(focus).toBeVisible();
    await expect(focus).toHaveClass(/lesson-focus/);
    seen.push((await focus.getAttribute('data-lesson-focus')) ?? '');
    tabs.push((await page.locator('[data-testid^="tab-"][aria-selected="true"]').getAttribute('data-testid')) ?? '');
    await padAndPredictionShown(page);
    if (i < total - 1) await page.getByTestId('lesson-next').click();
  }
  expect(seen).toEqual([
    'input',
    'convolution',
    'stridePadding',
    'edgeFilters',
    'relu',
    'pooling',
    'overview',
    'stacked',
    'dense',
    'dropout',
    'replay',
    'attribution',
    'softmax',
    'crossEntropy',
    'filterLooks',
    'digitMap',
    'fooling',
  ]);
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
  // Back from the last step: the step before it, its tab and its target.
  const last = seen[total - 1];
  const before = seen[total - 2];
  await page.getByTestId('lesson-back').click();
  await expect(card).toHaveAttribute('data-step', String(total - 2));
  await expect(page.getByTestId(tabs[total - 2])).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-lesson-focus]')).toHaveAttribute('data-lesson-focus', before);
  await expect(page.locator(`[data-lesson-focus="${last}"]`)).toHaveCount(0);

  await page.getByTestId('lesson-close').click();
  await expect(card).toHaveCount(0);
  await expect(page.locator('[data-lesson-focus], .lesson-focus')).toHaveCount(0);
  const open = page.getByTestId('lesson-open');
  await expect(open).toHaveText(`Resume lesson at step ${total - 1}`);
  await open.click();
  await expect(card).toHaveAttribute('data-step', String(total - 2));
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe(String(total - 2));

  // Leave and come back: closed again on load, then resumes at the same step.
  await page.reload();
  await expect(page.getByTestId(tabs[total - 2])).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  await expect(page.getByTestId('draw-canvas')).toBeInViewport();
  await expect(open).toHaveText(`Resume lesson at step ${total - 1}`);
  await open.click();
  await expect(card).toHaveAttribute('data-step', String(total - 2));
  await expect(page.locator('[data-lesson-focus]')).toHaveAttribute('data-lesson-focus', before);

  // A link without a step resumes from this browser's memory (once this page's network has
  // loaded, so that leaving it cuts no download short).
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 60_000 });
  await openApp(page);
  await expect(open).toHaveText(`Resume lesson at step ${total - 1}`);
  await open.click();
  await expect(card).toHaveAttribute('data-step', String(total - 2));

  // The stride-and-padding step sets padding 1 and focuses those controls.
  for (let i = total - 2; i > 2; i--) await page.getByTestId('lesson-back').click();
  await expect(card).toHaveAttribute('data-step', '2');
  await expect(page.getByTestId('conv-pool-controls')).toHaveAttribute('data-lesson-focus', 'stridePadding');
  await expect(page.getByTestId('padding')).toHaveValue('1');
  await page.getByTestId('lesson-close').click();
  expect(problems.errors).toEqual([]);
});

test('every panel on every tab has an explanation button with real text', async ({ page, problems }) => {
  await openApp(page);
  const header = page.locator('.app__header');
  const left = page.locator('.input-panel');
  for (const tab of TABS) {
    await page.getByTestId(`tab-${tab}`).click();
    const body = page.locator(`#tabpanel-${tab}`);
    if (tab === 'network') await expect(page.getByTestId('layer-conv1')).toBeVisible({ timeout: 60_000 });
    if (tab === 'lessons') await expect(page.getByTestId('activations-panel')).toBeVisible();
    if (tab === 'learned') await expect(page.getByTestId('fooling-panel')).toBeVisible();
    const panels = page.locator('section.panel, section.prediction').filter({ visible: true });
    const count = await panels.count();
    expect(count, tab).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < count; i++) {
      const panel = panels.nth(i);
      await expect(panel.locator('.info__button').first(), `${tab} panel ${await panel.getAttribute('data-testid')}`).toBeVisible();
    }
    // Every explanation button on screen (header, input column, this tab) opens real text.
    const buttons = header.or(left).or(body).locator('.info__button').filter({ visible: true });
    const n = await buttons.count();
    for (let i = 0; i < n; i++) {
      const button = buttons.nth(i);
      const id = (await button.getAttribute('data-testid')) ?? '';
      await button.click();
      const text = page.getByTestId(`${id}-text`);
      await expect(text, id).toBeVisible();
      expect((await text.innerText()).trim().length, id).toBeGreaterThan(40);
      await page.keyboard.press('Escape');
      await expect(text).toHaveCount(0);
    }
  }
  for (const id of ['input', 'pad', 'samples', 'prediction', 'status', 'share']) await expect(page.getByTestId(`info-${id}`), id).toHaveCount(1);
  await page.getByTestId('tab-filters').click();
  for (const id of ['edge-lab', 'rule', 'conv-pool', 'filter-table', 'inspector']) await expect(page.getByTestId(`info-${id}`), id).toBeVisible();
  expect(problems.errors).toEqual([]);
});
