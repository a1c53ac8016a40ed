import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp, onCounts, drawStroke, endRun, SEVEN_STROKE } from './fixtures';
import messages from '../src/i18n/locales/en/share.json' with { type: 'json' };
import { SHORTCUTS } from '../src/state/shortcuts';

const DEFAULT_COUNTS = [153, 134, 116, 131];

/** Every control of the edge-filter lab a link carries, by its data-testid. */
const CONTROLS = [
  'input-scale',
  'comparator',
  'threshold',
  'stride',
  'padding',
  'pool-kind',
  'pool-padding',
  'kernel-preset-0',
  'kernel-preset-1',
  'kernel-preset-2',
  'kernel-preset-3',
];

/** What a viewer sees of the state: maps, controls, kernels, input, tab, presenter mode. */
async function viewOf(page: Page) {
  const controls: Record<string, string> = {};
  for (const id of CONTROLS) controls[id] = await page.getByTestId(id).inputValue();
  const weights: string[] = [];
  for (let i = 0; i < 9; i++) weights.push(await page.getByTestId(`kernel-3-${i}`).inputValue());
  return {
    counts: await onCounts(page),
    controls,
    weights,
    source: await page.getByTestId('input-source').textContent(),
    tab: await page.getByRole('tab', { selected: true }).getAttribute('data-testid'),
    presenter: await page.getByTestId('presenter-toggle').getAttribute('aria-pressed'),
  };
}

/** Opens a link whose view may be on any tab: waits for the edge-filter maps, shown or not. */
async function openLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByTestId('fired-map-0')).toBeAttached({ timeout: 30_000 });
}

/** Clicks "Copy link", waits for the confirmation and returns the copied link. */
async function copyLink(page: Page): Promise<string> {
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveAttribute('data-outcome', 'copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

test.describe('a copied link restores the view', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a sample, edited filters, the rule, stride, padding, pooling and the tab', async ({ page, context, problems }) => {
    await openApp(page);
    const historyLength = await page.evaluate(() => history.length);
    await page.getByTestId('sample-class-7').click();
    await page.getByTestId('sample-index').fill('12');
    await expect(page.getByTestId('input-source')).toContainText('12');
    await page.getByTestId('kernel-preset-1').selectOption('sobel-x');
    await page.getByTestId('kernel-3-4').fill('3.5');
    await page.getByTestId('input-scale').selectOption('binary');
    await page.getByTestId('binary-cutoff').fill('0.35');
    await page.getByTestId('comparator').selectOption('>');
    await page.getByTestId('threshold').fill('1.5');
    await page.getByTestId('stride').selectOption('2');
    await page.getByTestId('padding').selectOption('1');
    await page.getByTestId('pool-kind').selectOption('average');
    await page.getByTestId('pool-padding').selectOption('same');
    await page.getByTestId('tab-network').click();
    const before = await viewOf(page);
    expect(before.counts).not.toEqual(DEFAULT_COUNTS);
    const cutoff = await page.getByTestId('binary-cutoff').inputValue();

    const link = await copyLink(page);
    expect(link).toContain('s=7.12');
    // The address bar follows the state too, without adding history entries.
    await expect.poll(() => page.url()).toBe(link);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);

    const other = await context.newPage();
    await openLink(other, link);
    await expect(other.getByTestId('fired-map-0')).toHaveAttribute('data-on-count', String(before.counts[0]));
    expect(await viewOf(other)).toEqual(before);
    expect(await other.getByTestId('binary-cutoff').inputValue()).toBe(cutoff);
    await expect(other.getByTestId('link-notice')).toHaveCount(0);

    // An uploaded picture stays on the device: the link leaves the input out, and says so.
    const png = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = c.height = 60;
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 60, 60);
      ctx.fillStyle = '#000';
      ctx.fillRect(25, 8, 10, 44);
      return c.toDataURL('image/png').split(',')[1];
    });
    await page.getByTestId('upload-input').setInputFiles({ name: 'mine.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    await expect(page.getByTestId('input-source')).toContainText('mine.png');
    const uploadLink = new URL(await copyLink(page));
    await expect(page.getByTestId('copy-link-status')).toContainText(messages.uploadNotInLink);
    expect(uploadLink.searchParams.has('s') || uploadLink.searchParams.has('d')).toBe(false);
    expect(uploadLink.searchParams.get('st')).toBe('2');
    expect(problems.errors).toEqual([]);
  });

  test('a drawing, the network design and presenter mode', async ({ page, context, problems }) => {
    await openApp(page);
    await drawStroke(page, SEVEN_STROKE);
    await drawStroke(page, [
      [0.35, 0.5],
      [0.65, 0.5],
    ]);
    await expect(page.getByTestId('input-source')).toHaveText(/drawing/i);
    await page.getByTestId('threshold').fill('40');
    await page.getByTestId('tab-training').click();
    await page.getByTestId('arch-filters-0').selectOption('8');
    await page.getByTestId('arch-add-block').click();
    await page.getByTestId('presenter-toggle').click();
    const before = await viewOf(page);
    expect(before.counts).not.toEqual(DEFAULT_COUNTS);

    const link = await copyLink(page);
    const other = await context.newPage();
    await openLink(other, link);
    await expect(other.getByTestId('fired-map-0')).toHaveAttribute('data-on-count', String(before.counts[0]));
    expect(await viewOf(other)).toEqual(before);
    await expect(other.getByTestId('arch-filters-0')).toHaveValue('8');
    await expect(other.getByTestId('arch-block-2')).toBeAttached();
    // The pad shows the same strokes, pixel for pixel.
    const padPixels = (p: Page) => p.getByTestId('draw-canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    expect(await padPixels(other)).toBe(await padPixels(page));
    expect(problems.errors).toEqual([]);
  });

  test('the L shortcut copies the link, and T starts, pauses and resumes training', async ({ page }) => {
    await openApp(page, '?s=5.3');
    const status = page.getByTestId('copy-link-status');
    await expect(status).toHaveAttribute('data-outcome', '');
    // Typed into a field, the key does nothing.
    await page.getByTestId('sample-index').focus();
    await page.keyboard.press('l');
    await page.getByTestId('tab-filters').focus();
    await expect(status).toHaveAttribute('data-outcome', '');
    await page.keyboard.press('l');
    await expect(status).toHaveAttribute('data-outcome', 'copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(new URL(copied).searchParams.get('s')).toBe('5.3');

    await page.keyboard.press('3');
    const progress = page.getByTestId('train-progress');
    await expect(progress).toHaveAttribute('data-phase', 'idle', { timeout: 60_000 });
    // A run long enough that the keys below land while it trains (the training worker is quick).
    await page.getByTestId('train-examples').selectOption('9000');
    await page.getByTestId('train-batch').selectOption('16');
    await page.getByTestId('train-epochs').selectOption('5');
    // T acts as the Start button does, once the network is ready.
    await expect(page.getByTestId('train-start')).toBeEnabled({ timeout: 60_000 });
    await page.getByTestId('tab-training').focus();
    await page.keyboard.press('t');
    await expect(progress).toHaveAttribute('data-phase', 'running', { timeout: 60_000 });
    await page.keyboard.press('t');
    await expect(progress).toHaveAttribute('data-phase', 'paused');
    const examples = await progress.getAttribute('data-examples');
    await page.keyboard.press('t');
    await expect(progress).toHaveAttribute('data-phase', 'running');
    await expect(progress).not.toHaveAttribute('data-examples', examples ?? '');
    await endRun(page);
  });
});

/** One bad value per key for each kind of damage, plus keys the app does not know. */
const BAD_LINKS: Record<string, Record<string, string>> = {
  'out of range': {
    s: '10.0',
    d: Buffer.from([1, 65, 0]).toString('base64url'),
    f1: '100_0_0_0_0_0_0_0_0',
    f2: '0_0_0_0_0_0_0_0_-120',
    f3: '1_1_1_1_1_1_1_1_999',
    f4: '99.5_0_0_0_0_0_0_0_0',
    in: 'b0.99',
    cmp: 'lt',
    th: '5000',
    st: '7',
    pad: '9',
    pk: 'median',
    pe: 'full',
    arch: '999k3s1vrm2_',
    tab: 'settings',
    lang: 'fr',
    step: '1000',
    pm: '2',
    bogus: '1',
    'x-y': 'z',
  },
  'wrong type': {
    s: 'seven',
    d: 'not*a*drawing',
    f1: 'sobel',
    f2: '1_2_3',
    f3: 'NaN_0_0_0_0_0_0_0_0',
    f4: '__proto__',
    in: 'grey',
    cmp: '>',
    th: 'two',
    st: 'one',
    pad: 'same',
    pk: 'toString',
    pe: 'true',
    arch: 'default',
    tab: '2',
    lang: 'klingon',
    step: 'first',
    pm: 'yes',
    constructor: 'x',
  },
  huge: {
    s: '1'.repeat(400),
    f1: '1_'.repeat(200),
    f2: '9'.repeat(400),
    f3: 'a'.repeat(400),
    f4: '0'.repeat(400),
    in: 'b'.repeat(400),
    cmp: 'g'.repeat(400),
    th: '2'.repeat(400),
    st: '1'.repeat(400),
    pad: '0'.repeat(400),
    pk: 'm'.repeat(400),
    pe: 'v'.repeat(400),
    arch: '16k3s1vrm2.'.repeat(40),
    tab: 'f'.repeat(400),
    lang: 'e'.repeat(400),
    step: '9'.repeat(400),
    pm: '1'.repeat(400),
    ['k'.repeat(300)]: 'v',
  },
  'huge drawing, and a sample the data does not have': { s: '3.5000', d: 'A'.repeat(7000) },
};

/** The example links the README gives (inline code that starts with "?"), as written there. */
function readmeLinks(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  return [...new Set([...readme.matchAll(/`(\?[a-z]+=[^`\s]*)`/g)].map((m) => m[1]))];
}

test('every link form the README documents opens as documented, with no notice', async ({ page }) => {
  const documented = readmeLinks();
  expect(documented).toEqual(expect.arrayContaining(['?lang=en', '?lang=zh']));
  // The README's own examples, the form the app writes, and the sample form s=<digit>.<index>.
  const expected: Record<string, { lang: string; source?: string }> = {
    '?lang=en': { lang: 'en' },
    '?lang=zh': { lang: 'zh-CN' },
    '?lang=zh-CN': { lang: 'zh-CN' },
    '?s=7.42&lang=en': { lang: 'en', source: 'MNIST digit 7, number 42' },
  };
  for (const link of documented) expect(Object.keys(expected), `the README's ${link} is checked here`).toContain(link);
  for (const [link, want] of Object.entries(expected)) {
    await openLink(page, `./${link}`);
    await expect(page.locator('html'), link).toHaveAttribute('lang', want.lang);
    if (want.source) await expect(page.getByTestId('input-source'), link).toHaveText(want.source);
    await expect(page.getByTestId('link-notice'), link).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('lang'), link).toBe(want.lang);
  }
});

test('bad links open with defaults for what is wrong, say so, and never break the page', async ({ page, problems }) => {
  // A page where the clipboard is unavailable (as on plain http): the link is offered in a field.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  for (const [damage, values] of Object.entries(BAD_LINKS)) {
    await openApp(page, `?${new URLSearchParams(values)}`);
    const notice = page.getByTestId('link-notice');
    await expect(notice, damage).toBeVisible();
    for (const key of Object.keys(values)) {
      const name = Object.hasOwn(messages.setting, key) ? (messages.setting as Record<string, string>)[key] : null;
      if (name) await expect(notice, `${damage}: ${key}`).toContainText(name);
    }
    if (damage !== 'huge drawing, and a sample the data does not have')
      await expect(notice).toContainText(damage === 'huge' ? 'kkkk' : Object.keys(values).at(-1)!);
    expect(await onCounts(page), damage).toEqual(DEFAULT_COUNTS);
    await expect(page.getByTestId('input-source')).toHaveText('MNIST digit 2, number 0');
    for (const [id, value] of Object.entries({
      stride: '1',
      padding: '0',
      'pool-kind': 'max',
      'pool-padding': 'valid',
      comparator: '>=',
      'input-scale': 'grey255',
      threshold: '2',
      'kernel-preset-0': 'diagonal',
    })) {
      await expect(page.getByTestId(id), `${damage}: ${id}`).toHaveValue(value);
    }
    await expect(page.getByTestId('tab-filters')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'false');
    // The address bar drops what was wrong.
    await expect.poll(() => new URL(page.url()).search).toBe('?lang=en');
  }
  await page.getByTestId('link-notice-dismiss').click();
  await expect(page.getByTestId('link-notice')).toHaveCount(0);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveAttribute('data-outcome', 'manual');
  await expect(page.getByTestId('copy-link-field')).toHaveValue(page.url());
  expect(problems.errors).toEqual([]);
});

test('presenter mode and keyboard shortcuts', async ({ page, problems }) => {
  await openApp(page);
  const toggle = page.getByTestId('presenter-toggle');
  await expect(page.getByTestId('brush')).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveClass(/\bpresenter\b/);
  await expect(page.getByTestId('brush')).toBeHidden();
  await expect(page.getByTestId('upload-button')).toBeHidden();
  await expect.poll(() => page.url()).toContain('pm=1');

  // The overlay: opens on "?", lists the shortcuts, keeps focus inside, closes on Escape.
  await page.keyboard.press('?');
  const overlay = page.getByTestId('shortcuts');
  await expect(overlay).toBeVisible();
  await expect(overlay.getByRole('heading')).toBeVisible();
  await expect(overlay.locator('kbd')).toHaveCount(SHORTCUTS.length + 1); // every shortcut, and Esc to close
  await expect(overlay.getByRole('button')).toBeFocused();
  await page.keyboard.press('2');
  await expect(page.getByTestId('tab-filters')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();

  // Shortcuts for the main actions.
  await page.keyboard.press('2');
  await expect(page.getByTestId('tab-network')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('1');
  await expect(page.getByTestId('tab-filters')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('p');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('brush')).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByTestId('input-source')).not.toHaveText('MNIST digit 2, number 0');
  await drawStroke(page, [
    [0.3, 0.3],
    [0.7, 0.7],
  ]);
  await drawStroke(page, [
    [0.5, 0.2],
    [0.5, 0.8],
  ]);
  const twoStrokes = await onCounts(page);
  await page.keyboard.press('u');
  await expect.poll(() => onCounts(page)).not.toEqual(twoStrokes);
  await page.keyboard.press('c');
  await expect.poll(() => onCounts(page)).toEqual([0, 0, 0, 0]);

  // Keys typed into a field stay in the field.
  await page.getByTestId('sample-class-4').click();
  await page.getByTestId('sample-index').selectText();
  await page.getByTestId('sample-index').pressSequentially('23');
  await expect(page.getByTestId('tab-filters')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('sample-index')).toHaveValue('23');
  expect(problems.errors).toEqual([]);
});
