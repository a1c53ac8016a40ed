import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';

interface Screen {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly touch: boolean;
}

const SCREENS: readonly Screen[] = [
  { name: 'projector', width: 1366, height: 768, touch: false },
  { name: 'monitor', width: 1920, height: 1080, touch: false },
  { name: 'tablet', width: 1024, height: 768, touch: true },
  { name: 'phone', width: 390, height: 844, touch: true },
];

/** Pairs of visible interactive elements whose boxes overlap (nested elements are not pairs). */
function overlappingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (el: Element) => {
      const h = el as HTMLElement;
      return (
        h.dataset.testid ??
        `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''}${h.textContent?.trim() ? ` "${h.textContent.trim().slice(0, 30)}"` : ''}`
      );
    };
    const controls = [...document.querySelectorAll('button, input, select, textarea, canvas, a[href], [tabindex="0"]')]
      .filter((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    const found: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i];
        const b = controls[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 0.5 && h > 0.5) found.push(`${name(a.el)} × ${name(b.el)}`);
      }
    }
    return found;
  });
}

/** Draws a stroke on the pad with touch events (a finger), through the DevTools protocol. */
async function touchStroke(page: Page, points: readonly (readonly [number, number])[]) {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('drawing pad not visible');
  const cdp = await page.context().newCDPSession(page);
  const at = ([x, y]: readonly [number, number]) => [{ x: box.x + x * box.width, y: box.y + y * box.height }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(points[0]) });
  for (const p of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(p) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

for (const screen of SCREENS) {
  test.describe(`${screen.name} ${screen.width}x${screen.height}`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, hasTouch: screen.touch, isMobile: screen.name === 'phone' });

    test('fits the width, shows pad and prediction first, and no controls overlap', async ({ page, problems }) => {
      await openApp(page);
      await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 60_000 });
      await page.screenshot({ path: test.info().outputPath(`${screen.name}.png`) });
      for (const tab of ['filters', 'network', 'training', 'lessons', 'learned']) {
        await page.getByTestId(`tab-${tab}`).click();
        if (tab === 'learned') await expect(page.getByTestId('digit-map-panel')).toBeVisible();
        if (tab === 'network') await expect(page.getByTestId('layer-conv1')).toBeVisible();
        if (tab === 'lessons') await expect(page.getByTestId('stepper-output')).toBeVisible();
        const width = await page.evaluate(() => [document.scrollingElement?.scrollWidth ?? 0, innerWidth]);
        expect(width[0], `${tab}: page wider than the screen`).toBeLessThanOrEqual(width[1]);
        expect(await overlappingControls(page), `${tab}: overlapping controls`).toEqual([]);
      }
      await page.getByTestId('tab-filters').click();
      await page.evaluate(() => window.scrollTo(0, 0));
      for (const id of ['draw-canvas', 'prediction']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.x, id).toBeGreaterThanOrEqual(0);
        expect(box!.y, id).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, id).toBeLessThanOrEqual(screen.width);
        expect(box!.y + box!.height, id).toBeLessThanOrEqual(screen.height);
      }
      if (screen.touch) {
        const scrollBefore = await page.evaluate(() => window.scrollY);
        await expect(page.getByTestId('input-source')).toHaveText('MNIST digit 2, number 0');
        await touchStroke(page, [
          [0.3, 0.2],
          [0.5, 0.2],
          [0.7, 0.2],
          [0.6, 0.5],
          [0.45, 0.85],
        ]);
        await expect(page.getByTestId('input-source')).toHaveText('Your drawing');
        await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '7');
        expect(await page.evaluate(() => window.scrollY), 'a finger on the pad must not scroll the page').toBe(scrollBefore);
      }
      expect(problems.errors).toEqual([]);
    });
  });
}
