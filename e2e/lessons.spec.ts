import type { Page } from '@playwright/test';
import { test, expect, openApp, endRun } from './fixtures';

const SHOTS = process.env.LESSONS_SCREENSHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Clicks the centre of one cell of the stepper's output map. */
async function clickCell(page: Page, row: number, col: number): Promise<void> {
  const map = page.getByTestId('stepper-output');
  const box = await map.boundingBox();
  if (!box) throw new Error('output map not visible');
  const rows = Number(await map.getAttribute('data-rows'));
  const cols = Number(await map.getAttribute('data-cols'));
  await page.mouse.click(box.x + ((col + 0.5) * box.width) / cols, box.y + ((row + 0.5) * box.height) / rows);
}

/** The terms shown for the current position, and the sum the page states. */
async function arithmetic(page: Page) {
  const terms = page.getByTestId('stepper-term');
  const n = await terms.count();
  const values: { input: number; weight: number; product: number }[] = [];
  for (let i = 0; i < n; i++) {
    const t = terms.nth(i);
    values.push({
      input: Number(await t.getAttribute('data-input')),
      weight: Number(await t.getAttribute('data-weight')),
      product: Number(await t.getAttribute('data-product')),
    });
  }
  const sum = page.getByTestId('stepper-sum');
  return { values, output: Number(await sum.getAttribute('data-value')), sum: Number(await sum.getAttribute('data-sum')) };
}

test('step through a convolution, play and pause, then a CNN channel', async ({ page, problems }) => {
  // The page's timers run on Playwright's clock, so "holds still after pause" is checked over a
  // known stretch of page time, however busy the machine is.
  await page.clock.install();
  await openApp(page);
  // The edge filter 1 kernel as the lab shows it, read from its editor.
  const kernel: number[] = [];
  for (let i = 0; i < 9; i++) kernel.push(Number(await page.getByTestId(`kernel-0-${i}`).inputValue()));
  await page.getByTestId('tab-lessons').click();
  const stepper = page.getByTestId('conv-stepper');
  await expect(stepper).toBeVisible();
  const position = page.getByTestId('stepper-position');
  await expect(position).toHaveAttribute('data-col', '0');

  // Jump into the digit (click an output cell), then step three times, from the keyboard.
  await clickCell(page, 12, 10);
  await expect(position).toHaveAttribute('data-col', '10');
  for (let i = 0; i < 3; i++) await page.getByTestId('stepper-step').press('Enter');
  await expect(position).toHaveAttribute('data-row', '12');
  await expect(position).toHaveAttribute('data-col', '13');
  await expect(page.getByTestId('stepper-output')).toHaveAttribute('data-filled', String(12 * 26 + 13 + 1));
  const a = await arithmetic(page);
  expect(a.values.some((v) => v.input > 0)).toBe(true);
  expect(a.values.map((v) => v.weight)).toEqual(kernel);
  let expected = 0;
  for (const v of a.values) {
    expect(v.product).toBeCloseTo(v.input * v.weight, 4);
    expected += v.input * v.weight;
  }
  expect(a.output).toBeCloseTo(expected, 3);
  await expect(page.getByTestId('stepper-threshold')).toBeVisible();

  await page.getByTestId('stepper-back').click();
  await expect(position).toHaveAttribute('data-col', '12');

  // Play fast for a moment, pause, and the output has filled further and then holds still.
  await page.getByTestId('stepper-speed').fill('30');
  await page.getByTestId('stepper-play').click();
  await expect.poll(async () => Number(await page.getByTestId('stepper-output').getAttribute('data-filled'))).toBeGreaterThan(12 * 26 + 18);
  await page.getByTestId('stepper-pause').click();
  const held = await page.getByTestId('stepper-output').getAttribute('data-filled');
  // Five seconds of page time (every timer and animation frame due in them fires): at speed 30
  // that would be 150 more steps if the pause had not stopped the player.
  await page.clock.runFor(5_000);
  await expect(page.getByTestId('stepper-output')).toHaveAttribute('data-filled', held!);

  // A learned kernel of the CNN: sum + bias equals the network's own conv1 output there.
  await page.getByTestId('stepper-source').selectOption('cnn-2');
  await clickCell(page, 9, 14);
  await expect(position).toHaveAttribute('data-row', '9');
  await expect(position).toHaveAttribute('data-col', '14');
  const modelValue = page.getByTestId('stepper-model-value');
  await expect(modelValue).toBeVisible();
  const c = await arithmetic(page);
  expect(c.output).toBeCloseTo(Number(await modelValue.getAttribute('data-value')), 3);
  expect(c.output).not.toBe(c.sum);
  await page.getByTestId('info-stepper').click();
  await expect(page.getByTestId('info-stepper-text')).toBeVisible();
  await shot(page, 'stepper');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('info-stepper-text')).toHaveCount(0);

  // Activations: three curves, and the same real conv1 map through each function.
  const panel = page.getByTestId('activations-panel');
  await panel.scrollIntoViewIfNeeded();
  for (const name of ['relu', 'sigmoid', 'tanh']) {
    await expect(page.getByTestId(`activation-plot-${name}`).locator('path')).toHaveCount(2);
    await expect(page.getByTestId(`activation-map-${name}`).locator('canvas')).toBeVisible();
  }
  await page.getByTestId('activation-channel').selectOption('3');
  // ReLU of a real map: dark where the map was negative, so not every pixel has the same colour.
  const spread = await page
    .getByTestId('activation-map-relu')
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const values = new Set<number>();
      for (let i = 0; i < d.length; i += 4) values.add(d[i] * 65536 + d[i + 1] * 256 + d[i + 2]);
      return values.size;
    });
  expect(spread).toBeGreaterThan(10);
  await shot(page, 'activations');
  expect(problems.errors).toEqual([]);
});

test('presets set the controls; a class-demo run charts the gradient of every layer', async ({ page, problems }) => {
  await openApp(page);
  await page.getByTestId('tab-training').click();
  const preset = page.getByTestId('train-preset');
  await expect(preset).toHaveValue('default');
  await preset.selectOption('overfitting');
  await expect(page.getByTestId('train-examples')).toHaveValue('100');
  await expect(page.getByTestId('train-first-layer')).toHaveValue('random');
  await expect(page.getByTestId('train-epochs')).toHaveValue('10');
  await expect(page.getByTestId('arch-dropout-0')).toHaveValue('0');
  await preset.selectOption('class-demo');
  await expect(page.getByTestId('train-examples')).toHaveValue('9000');
  await expect(page.getByTestId('train-epochs')).toHaveValue('8');
  await expect(page.getByTestId('arch-filters-0')).toHaveValue('8');
  await expect(page.getByTestId('arch-filters-1')).toHaveValue('16');
  await expect(page.getByTestId('arch-dense-0')).toContainText('→ 64');
  await expect(page.getByTestId('arch-dense-1')).toHaveCount(0);
  // The class demo starts conv1 from the article's edge filters; choosing another start makes the settings custom.
  await expect(page.getByTestId('train-first-layer')).toHaveValue('edge-trainable');
  await page.getByTestId('train-first-layer').selectOption('random');
  await expect(preset).toHaveValue('custom');
  await preset.selectOption('class-demo');
  await expect(page.getByTestId('train-first-layer')).toHaveValue('edge-trainable');
  await expect(page.getByTestId('train-preset-explanation')).not.toBeEmpty();
  // Changing a control by hand makes the settings custom.
  await page.getByTestId('train-batch').selectOption('64');
  await expect(preset).toHaveValue('custom');
  await preset.selectOption('class-demo');
  await expect(page.getByTestId('train-batch')).toHaveValue('32');

  await page.getByTestId('train-start').click();
  const chart = page.getByTestId('chart-gradients');
  await expect(chart).toHaveAttribute('data-layers', '4', { timeout: 60_000 });
  await expect.poll(async () => Number(await chart.getAttribute('data-min-points')), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await expect(chart.locator('path')).toHaveCount(4);
  await shot(page, 'training');
  await endRun(page);
  expect(problems.errors).toEqual([]);
});
