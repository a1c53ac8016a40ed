import { test, expect, expectTensorsBackTo, openTabWithBaseline } from './fixtures';

test('what each filter looks for: keyboard choice, the ascent beats the best digit, nine outlined digits load, cancel, no leak', async ({ page, problems }) => {
  const baseline = await openTabWithBaseline(page, 'learned');
  const panel = page.getByTestId('filter-looks-panel');
  await expect(panel).toBeVisible({ timeout: 30_000 });

  await test.step('a layer and a channel chosen with the keyboard go into the link', async () => {
    const layer = page.getByTestId('filter-looks-layer');
    await layer.focus();
    await page.keyboard.press('ArrowDown');
    await expect(layer).toHaveValue('conv2');
    const channel = page.getByTestId('filter-looks-channel');
    await channel.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(channel).toHaveValue('2');
    await expect.poll(() => new URL(page.url()).searchParams.get('fl')).toBe('conv2');
    await expect.poll(() => new URL(page.url()).searchParams.get('fc')).toBe('3');
    await expect(panel).toHaveAttribute('data-layer', 'conv2');
    await expect(panel).toHaveAttribute('data-channel', '2');
  });

  await test.step('the ascent runs to its end and reaches at least the best held-out digit', async () => {
    await expect(panel).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
    const figure = page.getByTestId('filter-looks-found-figure');
    const found = Number(await figure.getAttribute('data-activation'));
    const best = Number(await figure.getAttribute('data-best-digit'));
    console.info(`conv2 channel 3: found input ${found.toFixed(3)}, best held-out digit ${best.toFixed(3)}`);
    expect(Number.isFinite(found) && Number.isFinite(best)).toBe(true);
    expect(found).toBeGreaterThanOrEqual(best);
    await expect(page.getByTestId('filter-looks-compare')).toContainText(best.toPrecision(3));
    await expect(figure.getByTestId('filter-looks-outline')).toHaveCount(1);
  });

  await test.step('nine digits, best first, each outlined; a click loads one', async () => {
    const digits = page.getByTestId('filter-looks-digit');
    await expect(digits).toHaveCount(9);
    await expect(page.getByTestId('filter-looks-digits').getByTestId('filter-looks-outline')).toHaveCount(9);
    const values = await digits.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    for (let i = 1; i < 9; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    const best = Number(await page.getByTestId('filter-looks-found-figure').getAttribute('data-best-digit'));
    expect(values[0]).toBe(best);
    const third = digits.nth(2);
    const id = `${await third.getAttribute('data-digit')}.${await third.getAttribute('data-index')}`;
    await third.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('s')).toBe(id);
  });

  await test.step('cancel stops an ascent; a finished one comes back at once', async () => {
    await page.getByTestId('filter-looks-channel').selectOption('5');
    const cancel = page.getByTestId('filter-looks-cancel');
    await cancel.click({ timeout: 30_000 });
    await expect(panel).toHaveAttribute('data-state', 'cancelled');
    await expect(page.getByTestId('filter-looks-progress')).toHaveAttribute('data-state', 'cancelled');
    await expect(page.getByTestId('filter-looks-restart')).toBeVisible();
    await page.getByTestId('filter-looks-channel').selectOption('2');
    await expect(panel).toHaveAttribute('data-state', 'ready');
  });

  await expectTensorsBackTo(page, baseline);
  expect(problems.errors).toEqual([]);
});
