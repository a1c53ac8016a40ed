import { test, expect, openApp, onCounts, drawStroke } from './fixtures';

test('opens with no console errors or failed requests, and shows the default "2"', async ({ page, problems }) => {
  await openApp(page);
  await expect(page.getByTestId('input-source')).toHaveText('MNIST digit 2, number 0');
  await expect(page.getByTestId('rule-name')).toHaveAttribute('data-preset', 'notebook');
  await expect(page.getByTestId('sample-class-2')).toBeVisible();
  const favicon = await page.request.get('./favicon.svg');
  expect(favicon.ok()).toBe(true);
  expect(problems.errors).toEqual([]);
});

test('the Notebook preset gives the counts of the notes, the Article preset 7/16/28/10', async ({ page, problems }) => {
  await openApp(page);
  expect(await onCounts(page)).toEqual([153, 134, 116, 131]);
  await expect(page.getByTestId('rule-name')).toContainText('Notebook');
  await page.getByTestId('preset-article').click();
  await expect(page.getByTestId('rule-name')).toHaveAttribute('data-preset', 'article');
  await expect(page.getByTestId('rule-name')).toContainText('Article');
  await expect(page.getByTestId('fired-map-0')).toHaveAttribute('data-on-count', '7');
  expect(await onCounts(page)).toEqual([7, 16, 28, 10]);
  await page.getByTestId('comparator').selectOption('>=');
  await expect(page.getByTestId('rule-name')).toHaveAttribute('data-preset', 'custom');
  expect(await onCounts(page)).toEqual([44, 46, 50, 29]);
  await page.getByTestId('preset-notebook').click();
  expect(await onCounts(page)).toEqual([153, 134, 116, 131]);
  expect(problems.errors).toEqual([]);
});

test('drawing a stroke changes the maps, and clear empties them', async ({ page, problems }) => {
  await openApp(page);
  await page.getByTestId('clear').click();
  await expect(page.getByTestId('input-source')).toHaveText('Empty pad: draw a digit');
  expect(await onCounts(page)).toEqual([0, 0, 0, 0]);
  await drawStroke(page, [
    [0.25, 0.25],
    [0.5, 0.5],
    [0.75, 0.75],
  ]);
  await expect(page.getByTestId('input-source')).toHaveText('Your drawing');
  const afterOne = await onCounts(page);
  expect(afterOne.some((c) => c > 0)).toBe(true);
  // A "\\" stroke excites the diagonal filter most strongly: its peak response is the highest.
  const peaks = await Promise.all([0, 1, 2, 3].map(async (i) => Number(await page.getByTestId(`raw-map-${i}`).getAttribute('data-max'))));
  expect(peaks[0]).toBeGreaterThan(Math.max(peaks[1], peaks[2], peaks[3]));
  await drawStroke(page, [
    [0.2, 0.5],
    [0.8, 0.5],
  ]);
  const afterTwo = await onCounts(page);
  expect(afterTwo).not.toEqual(afterOne);
  await page.getByTestId('undo').click();
  expect(await onCounts(page)).toEqual(afterOne);
  await page.getByTestId('clear').click();
  expect(await onCounts(page)).toEqual([0, 0, 0, 0]);
  expect(problems.errors).toEqual([]);
});

test('drawing over a sample starts a fresh drawing', async ({ page }) => {
  await openApp(page);
  await drawStroke(page, [
    [0.5, 0.2],
    [0.5, 0.8],
  ]);
  await expect(page.getByTestId('input-source')).toHaveText('Your drawing');
  // Only the vertical stroke is there: the vertical filter responds most.
  const counts = await onCounts(page);
  expect(counts[3]).toBeGreaterThan(counts[0]);
  expect(counts).not.toEqual([153, 134, 116, 131]);
});

test('stride and padding change the shown sizes as the formula says', async ({ page, problems }) => {
  await openApp(page);
  for (const stride of [1, 2, 3]) {
    for (const padding of [0, 1, 2, 3]) {
      await page.getByTestId('stride').selectOption(String(stride));
      await page.getByTestId('padding').selectOption(String(padding));
      const side = Math.floor((28 + 2 * padding - 3) / stride) + 1;
      await expect(page.getByTestId('conv-size')).toHaveAttribute('data-size', String(side));
      await expect(page.getByTestId('raw-map-2')).toHaveAttribute('data-rows', String(side));
      await expect(page.getByTestId('fired-map-2')).toHaveAttribute('data-cols', String(side));
      await expect(page.getByTestId('filter-input')).toHaveAttribute('data-rows', String(28 + 2 * padding));
      await expect(page.getByTestId('pooled-map-2')).toHaveAttribute('data-rows', String(Math.floor((side - 2) / 2) + 1));
    }
  }
  await page.getByTestId('stride').selectOption('2');
  await page.getByTestId('padding').selectOption('0');
  await page.getByTestId('pool-padding').selectOption('same');
  await expect(page.getByTestId('pooled-map-0')).toHaveAttribute('data-rows', '7');
  expect(problems.errors).toEqual([]);
});

test('each pooling type changes the pooled values', async ({ page }) => {
  await openApp(page);
  const pooled = page.getByTestId('pooled-map-0');
  const onCount = (await onCounts(page))[0];
  await expect(page.getByTestId('pool-kind')).toHaveValue('max');
  const sums: Record<string, number> = {};
  let previous = Number(await pooled.getAttribute('data-sum'));
  for (const kind of ['max', 'average', 'min']) {
    await page.getByTestId('pool-kind').selectOption(kind);
    if (kind !== 'max') {
      // The map is recomputed after the change: wait for its new value before reading it.
      await expect.poll(async () => Number(await pooled.getAttribute('data-sum')), { message: `the ${kind}-pooled sum` }).not.toBe(previous);
    }
    sums[kind] = Number(await pooled.getAttribute('data-sum'));
    previous = sums[kind];
  }
  expect(sums.max).toBeGreaterThan(sums.average);
  expect(sums.average).toBeGreaterThan(sums.min);
  // The 26x26 edge map splits into 13x13 whole 2x2 windows: their averages add up to a quarter
  // of the cells that fired, and max (min) pooling counts the windows with any (only) fired cells.
  expect(sums.average * 4).toBeCloseTo(onCount, 6);
  expect(sums.max).toBeLessThanOrEqual(onCount);
  expect(sums.min * 4).toBeLessThanOrEqual(onCount);
});

test('hovering a cell shows the nine products, the sum and the threshold test', async ({ page }) => {
  await openApp(page);
  const map = page.getByTestId('raw-map-0');
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  if (!box) throw new Error('no map');
  // Cell (row 10, col 10) of 26: pointer at its centre.
  await page.mouse.move(box.x + (10.5 / 26) * box.width, box.y + (10.5 / 26) * box.height);
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toHaveAttribute('data-kind', 'conv');
  await expect(inspector).toContainText('output cell (11, 11)');
  await expect(inspector.locator('.arith-cell')).toHaveCount(9);
  await expect(inspector).toContainText('sum =');
  // The same explanation from the keyboard: focus the pooled map and move with the arrows.
  await page.getByTestId('pooled-map-1').focus();
  await page.keyboard.press('ArrowRight');
  await expect(inspector).toHaveAttribute('data-kind', 'pool');
  await expect(inspector).toContainText('pooled cell (1, 2)');
  const live = page.locator('[aria-live="polite"]').filter({ hasText: 'Filter 2 pooled, row 1, column 2' });
  await expect(live).toHaveCount(1);
});

test('editing a kernel weight changes its map', async ({ page }) => {
  await openApp(page);
  const before = await onCounts(page);
  const cell = page.getByTestId('kernel-3-4');
  await cell.fill('-5');
  await expect(page.getByTestId('kernel-preset-3')).toHaveValue('custom');
  const after = await onCounts(page);
  expect(after[3]).toBeLessThan(before[3]);
  expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
  await page.getByTestId('kernel-preset-3').selectOption('vertical');
  expect(await onCounts(page)).toEqual(before);
});

test('a sample can be picked by class, index and at random', async ({ page, problems }) => {
  await openApp(page);
  await page.getByTestId('sample-class-7').click();
  await expect(page.getByTestId('input-source')).toHaveText('MNIST digit 7, number 0');
  await page.getByTestId('sample-index').fill('12');
  await expect(page.getByTestId('input-source')).toHaveText('MNIST digit 7, number 12');
  await page.getByRole('button', { name: 'Use digit 7, number 13' }).click();
  await expect(page.getByTestId('input-source')).toHaveText('MNIST digit 7, number 13');
  await page.getByTestId('sample-random').click();
  await expect(page.getByTestId('input-source')).toHaveText(/MNIST digit \d, number \d+/);
  expect(problems.errors).toEqual([]);
});
