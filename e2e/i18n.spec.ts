import type { Page } from '@playwright/test';
import { untranslatedWords } from '../src/i18n/latinWords';
import { test, expect, openApp } from './fixtures';

/**
 * Everything a reader can see or hear in the open tab: the visible text, option and group
 * labels of menus, aria-labels, titles, placeholders and the SVG text of charts. The language
 * menu is left out: it names each language in its own script.
 */
async function screenText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (el: Element) => !el.closest('[hidden]') && !el.closest('[data-testid="language"]');
    const texts: string[] = [document.title];
    const menu = document.querySelector<HTMLElement>('[data-testid="language"]');
    if (menu) menu.style.display = 'none';
    texts.push(document.body.innerText);
    if (menu) menu.style.display = '';
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], optgroup[label]')) {
      if (!shown(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'label']) texts.push(el.getAttribute(attr) ?? '');
    }
    for (const el of document.querySelectorAll('svg text, option')) if (shown(el)) texts.push(el.textContent ?? '');
    return texts.filter((t) => t.trim() !== '');
  });
}

/** The texts that still hold English words, each with the offending words. */
async function untranslated(page: Page): Promise<string[]> {
  return (await screenText(page)).flatMap((text) => {
    const words = untranslatedWords(text);
    return words.length ? [`${words.join(' ')}  ←  ${text.slice(0, 160)}`] : [];
  });
}

const HAN = /\p{Script=Han}/u;

/** Fails when the page is wider than the window (a label too long for its place). */
async function expectNoOverflow(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test('the language switch turns every string Chinese, is remembered, and switches back', async ({ page, problems }) => {
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  const scripts: string[] = [];
  page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname)));
  const chineseChunk = (paths: string[]) => paths.filter((p) => /\/chinese-[^/]*\.js$/.test(p));
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('tab-filters')).toHaveText('1 · Hand-made edge filters');
  // The Chinese messages load only once they are chosen.
  expect(chineseChunk(scripts)).toEqual([]);

  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(chineseChunk(scripts)).toHaveLength(1);
  expect(await page.evaluate(() => localStorage.getItem('convlens.language'))).toBe('zh-CN');

  // Tab 1, with its explainer open and a convolution cell and a pooled cell inspected.
  await page.locator('details.explainer summary').click();
  await page.getByTestId('raw-map-0').hover({ position: { x: 60, y: 60 } });
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'conv');
  expect(await untranslated(page)).toEqual([]);
  await page.getByTestId('pooled-map-1').hover({ position: { x: 30, y: 30 } });
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'pool');
  await page.getByTestId('padding').selectOption('1');
  expect(await untranslated(page)).toEqual([]);
  expect(await page.getByTestId('inspector').innerText()).toMatch(HAN);
  await expectNoOverflow(page);

  // Tab 2, once the network has computed every layer.
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('layer-softmax')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '');
  expect(await untranslated(page)).toEqual([]);
  await expectNoOverflow(page);

  // Tab 3, with a block whose pooling window is too big for its map (a refused architecture).
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('chart-loss')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
  for (let i = 0; i < 2; i++) await page.getByTestId('arch-add-block').click();
  // Block 4 sees a 2×2 map: without padding its 3×3 kernel does not fit.
  await page.getByTestId('arch-block-3').locator('select').nth(3).selectOption('valid');
  await expect(page.getByTestId('arch-error')).toBeVisible();
  await expect(page.getByTestId('arch-error')).toContainText('模块 4');
  expect(await untranslated(page)).toEqual([]);
  await expectNoOverflow(page);

  // Tab 4: the convolution stepper and the activation functions.
  await page.getByTestId('tab-lessons').click();
  await expect(page.getByTestId('stepper-output')).toBeVisible();
  expect(await untranslated(page)).toEqual([]);
  await expectNoOverflow(page);

  // A refused upload explains itself in Chinese (the file's own name aside).
  await page.getByTestId('upload-input').setInputFiles({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('input-error')).toContainText('empty.png：这个文件是空的。');

  // The address leaves out the architecture the editor refused, so a reload has nothing to report.
  expect(new URL(page.url()).searchParams.has('arch')).toBe(false);
  // A link made by hand with that impossible architecture is reported, in Chinese.
  const refused = new URL(page.url());
  refused.searchParams.set('arch', Array.from({ length: 4 }, () => '16k3s1vrm2').join('.') + '_');
  await page.goto(refused.toString());
  await expect(page.getByTestId('link-notice')).toBeVisible({ timeout: 30_000 });
  expect(await untranslated(page)).toEqual([]);

  // The choice survives a reload.
  await page.reload();
  await page.getByTestId('tab-filters').click();
  await expect(page.getByTestId('fired-map-0')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('tab-filters')).toHaveText('1 · 手工设计的边缘卷积核');
  await expect(page.getByTestId('language')).toHaveValue('zh-CN');

  // And back to English: no Chinese left.
  await page.getByTestId('language').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('input-source')).toHaveText('MNIST digit 2, number 0');
  expect((await screenText(page)).filter((t) => HAN.test(t))).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('convlens.language'))).toBe('en');
  expect(problems.errors).toEqual([]);
});

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-TW' });

  test('the first visit is in Chinese', async ({ page, problems }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('input-source')).toHaveText('MNIST 数字 2，第 0 个');
    expect(problems.errors).toEqual([]);
  });
});
