import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from './fixtures';

test('probe axe', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 60_000 });
  for (const tab of ['filters', 'network', 'training']) {
    await page.getByTestId(`tab-${tab}`).click();
    await page.waitForTimeout(1500);
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    console.log('TAB', tab, JSON.stringify(r.violations.map((v) => ({ id: v.id, n: v.nodes.length, t: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary?.slice(0, 200)) })), null, 1));
  }
});

for (const vp of [{ w: 1366, h: 768 }, { w: 1920, h: 1080 }, { w: 1024, h: 768 }, { w: 768, h: 1024 }, { w: 390, h: 844 }]) {
  test(`shot ${vp.w}`, async ({ page }) => {
    await page.setViewportSize({ width: vp.w, height: vp.h });
    await openApp(page);
    await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 60_000 });
    await page.screenshot({ path: `/tmp/probe/${vp.w}x${vp.h}.png` });
    const sw = await page.evaluate(() => [document.scrollingElement!.scrollWidth, innerWidth]);
    console.log(vp.w, 'scrollWidth', sw);
  });
}
