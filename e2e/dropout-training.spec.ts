import type { Locator } from '@playwright/test';
import { test, expect, openApp, settledValue, waitForNetwork } from './fixtures';

/** The default network's dense layer: 128 units, dropout rate 0.4. */
const UNITS = 128;
const RATE = 0.4;
/** Five standard deviations of the number of units one step drops (binomial). */
const SPREAD = 5 * Math.sqrt(UNITS * RATE * (1 - RATE));

interface ShownMask {
  readonly source: string | null;
  readonly step: number;
  readonly mask: string;
  readonly dropped: number;
}

/** The mask shown, its four attributes read in one go (separate reads could straddle a new mask). */
async function shown(mask: Locator): Promise<ShownMask> {
  const [source, step, bits, dropped] = await mask.evaluate((el) => ['data-source', 'data-step', 'data-mask', 'data-dropped'].map((a) => el.getAttribute(a)));
  return { source, step: Number(step), mask: bits ?? '', dropped: Number(dropped) };
}

test('while a run trains in the worker, the dropout panel shows the masks its steps applied', async ({ page, problems }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await waitForNetwork(page);
  await page.getByTestId('tab-training').click();
  const mask = page.getByTestId('dropout-mask');
  const caption = page.getByTestId('dropout-step');
  const newStep = page.getByTestId('dropout-new-step');
  const progress = page.getByTestId('train-progress');

  // Before any run: a mask drawn on the page, and a caption that says so.
  await expect(mask).toHaveAttribute('data-source', 'drawn');
  await expect(mask).not.toHaveAttribute('data-step', /./);
  await expect(caption).toContainText('drawn here');

  // The default network (dense1: 128 units, rate 0.4), all training digits, one epoch.
  await page.getByTestId('train-examples').selectOption('9000');
  await page.getByTestId('train-epochs').selectOption('1');
  await page.getByTestId('train-seed').fill('1');
  await page.getByTestId('train-start').click();
  await expect(mask).toHaveAttribute('data-source', 'training', { timeout: 120_000 });
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-in-worker', 'true');
  await expect(progress).toHaveAttribute('data-phase', 'running');

  // Several of the run's masks, one after the other, each from a later step.
  const seen: ShownMask[] = [await shown(mask)];
  while (seen.length < 6) {
    const last = seen[seen.length - 1];
    await expect.poll(async () => (await shown(mask)).step, { timeout: 60_000 }).toBeGreaterThan(last.step);
    const next = await shown(mask);
    expect(next.source).toBe('training');
    seen.push(next);
  }
  test.info().annotations.push({ type: 'steps', description: seen.map((s) => `${s.step}: ${s.dropped} dropped`).join(', ') });
  for (const s of seen) {
    expect(s.mask).toMatch(new RegExp(`^[01]{${UNITS}}$`));
    expect(s.dropped).toBe([...s.mask].filter((b) => b === '0').length);
    expect(Math.abs(s.dropped - UNITS * RATE)).toBeLessThan(SPREAD);
  }
  const total = seen.reduce((n, s) => n + s.dropped, 0);
  expect(Math.abs(total - seen.length * UNITS * RATE)).toBeLessThan(5 * Math.sqrt(seen.length * UNITS * RATE * (1 - RATE)));
  expect(new Set(seen.map((s) => s.mask)).size).toBe(seen.length);
  await expect(mask.locator('.dropout-unit')).toHaveCount(UNITS);
  await expect(mask.locator('.dropout-unit--dropped')).toHaveCount((await shown(mask)).dropped);

  // The caption names the step on show, live; the panel does not draw masks of its own meanwhile.
  const now = await shown(mask);
  await expect(caption).toHaveAttribute('data-live', 'true');
  await expect(caption).toContainText(/Step [\d,]+ of the run/);
  await expect(newStep).toBeDisabled();
  await page.getByTestId('dropout-panel').screenshot({ path: test.info().outputPath('dropout-panel-training.png') });
  expect(now.source).toBe('training');

  // Paused: the step stops, and the caption says so.
  await page.getByTestId('train-pause').click();
  await expect(progress).toHaveAttribute('data-phase', 'paused');
  const pausedStep = await settledValue(async () => (await shown(mask)).step, 'the step shown while paused', { agree: 4 });
  await expect(caption).toContainText(`Paused at step ${pausedStep.toLocaleString('en-US')} of the run`);
  await expect(caption).not.toContainText('live');
  await expect(mask).toHaveAttribute('data-step', String(pausedStep));

  // Resumed: later steps' masks again.
  await page.getByTestId('train-resume').click();
  await expect.poll(async () => (await shown(mask)).step, { timeout: 60_000 }).toBeGreaterThan(pausedStep);

  // Stopped: the last mask stays, captioned as the run's last; "New training step" draws again.
  await page.getByTestId('train-stop').click();
  await expect(progress).toHaveAttribute('data-phase', 'stopped', { timeout: 60_000 });
  const last = await shown(mask);
  expect(last.source).toBe('training');
  await expect(caption).toContainText(`The run has ended. Its last mask shown: step ${last.step.toLocaleString('en-US')}`);
  await expect(caption).toHaveAttribute('data-live', 'false');
  await page.getByTestId('dropout-panel').screenshot({ path: test.info().outputPath('dropout-panel-ended.png') });
  await expect(newStep).toBeEnabled();
  await newStep.click();
  await expect(mask).toHaveAttribute('data-source', 'drawn');
  await expect(mask).not.toHaveAttribute('data-step', /./);
  await expect(caption).toContainText('drawn here');
  expect(problems.errors).toEqual([]);
});
