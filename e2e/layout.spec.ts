import { test, expect, openApp } from './fixtures';

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`at ${viewport.width}x${viewport.height} the pad, its clear button and the prediction are visible, once, uncovered`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-digit', '', { timeout: 30_000 });
    for (const id of ['draw-canvas', 'clear', 'prediction']) {
      const el = page.getByTestId(id);
      await expect(el).toHaveCount(1);
      await expect(el).toBeInViewport({ ratio: 1 });
      const box = await el.boundingBox();
      if (!box) throw new Error(`${id} has no box`);
      const hit = await page.evaluate(([x, y, testId]) => document.elementFromPoint(x, y)?.closest(`[data-testid="${testId}"]`) !== null, [
        box.x + box.width / 2,
        box.y + box.height / 2,
        id,
      ] as const);
      expect(hit, `${id} is covered`).toBe(true);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
