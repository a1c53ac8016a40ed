import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's violations on the page as it is now, one readable line per failing element. */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

/** How the focused element shows its focus: a visible outline or a box shadow, and what it is. */
function focusInfo(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    const shadow = cs.boxShadow !== 'none';
    return {
      id: el.dataset.testid ?? `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''}`,
      visible: (outline || shadow) && el.matches(':focus-visible'),
    };
  });
}

test('no WCAG 2.1 A/AA violations on any tab', async ({ page, problems }) => {
  await openApp(page);
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 60_000 });
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('layer-conv1')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('train-start')).toBeEnabled();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('tab-lessons').click();
  await expect(page.getByTestId('stepper-output')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('tab-learned').click();
  await expect(page.getByTestId('learned-view')).toBeVisible();
  // What each filter looks for, with its found input and its nine digits on screen.
  // (It computes only while on screen: below the map of all digits, it has to be scrolled to.)
  await page.getByTestId('filter-looks-panel').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('filter-looks-panel')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  await expect(page.getByTestId('digit-map-panel')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  // The fooling panel computes only while on screen.
  await page.getByTestId('fooling-panel').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('fooling-panel')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  expect(await axeViolations(page)).toEqual([]);
  expect(problems.errors).toEqual([]);
});

test('every control reached with Tab shows a visible focus ring', async ({ page, problems }) => {
  await openApp(page);
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 60_000 });
  const seen = new Set<string>();
  const invisible: string[] = [];
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < 90; i++) {
    await page.keyboard.press('Tab');
    const info = await focusInfo(page);
    if (!info) continue;
    seen.add(info.id);
    if (!info.visible) invisible.push(info.id);
  }
  expect(invisible).toEqual([]);
  for (const id of [
    'clear',
    'brush',
    'upload-button',
    'sample-class-0',
    'sample-index',
    'sample-random',
    'tab-filters',
    'export-panel',
    'preset-notebook',
    'stride',
    'kernel-0-0',
    'raw-map-0',
    'fired-map-0',
    'export-png',
  ]) {
    expect(seen, `Tab reaches ${id}`).toContain(id);
  }
  expect(problems.errors).toEqual([]);
});

test('the tabs are one stop: arrow keys, Home and End switch views', async ({ page, problems }) => {
  await openApp(page);
  await page.getByTestId('tab-filters').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-network')).toBeFocused();
  await expect(page.getByTestId('tab-network')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#tabpanel-network')).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByTestId('tab-learned')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-filters')).toBeFocused();
  await expect(page.getByTestId('tab-filters')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tab-network')).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('export-panel')).toBeFocused();
  expect(problems.errors).toEqual([]);
});

test('a feature map is one tab stop; arrow keys move a cell and its value is announced', async ({ page, problems }) => {
  await openApp(page);
  const map = page.getByTestId('fired-map-0');
  await map.focus();
  await expect(map).toBeFocused();
  const live = page.locator(`[id="${await map.getAttribute('aria-describedby')}"]`);
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).not.toBeEmpty();
  const first = await live.textContent();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
  await expect(live).not.toHaveText(first ?? '');
  await expect(live).toContainText(/=|sum|fires|≥|>/);
  // The next Tab leaves the map for the next control: the map is a single stop.
  await page.keyboard.press('Tab');
  const next = await focusInfo(page);
  expect(next?.id).toBe('export-png');
  await expect(page.getByTestId('figure-fired-map-0').getByTestId('export-png')).toBeFocused();
  expect(problems.errors).toEqual([]);
});
