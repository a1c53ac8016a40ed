import type { Page } from '@playwright/test';
import { expect, stableTensorCount } from './fixtures';

/** What computed the maps of the network view (its `data-compute-path`). */
export type ComputePath = 'plain' | 'tfjs';

/**
 * Makes the page train on its own thread (the fallback when the browser has no Worker), so a
 * test can check the tfjs path the maps take while the model in view trains there. Call it
 * before the page opens.
 */
export async function trainOnThePage(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('convlens.training', 'page'));
}

/** The tensor count once it holds still (see `stableTensorCount`). */
export const quietTensorCount = stableTensorCount;

/** Opens the network view (if it is not open) and checks what computed its maps. */
export async function expectComputePath(page: Page, path: ComputePath): Promise<void> {
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('network-view')).toHaveAttribute('data-compute-path', path);
}

/** Waits until the prediction (and so the maps) belongs to the current input. */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-up-to-date', 'true', { timeout });
}

/**
 * Starts a training run long enough to outlast a test on any machine (9,000 digits, 20
 * epochs; the test stops it) and returns once a few batches are done (the optimiser state
 * exists from the first one on). `class-demo`: the lesson preset's small network from
 * scratch, light enough for the pen to keep moving while it trains, even on SwiftShader;
 * `fine-tune`: the shipped network (every kind of layer) from its own weights.
 */
export async function startLongRun(page: Page, kind: 'class-demo' | 'fine-tune'): Promise<void> {
  await page.getByTestId('tab-training').click();
  if (kind === 'class-demo') {
    await page.getByTestId('train-preset').selectOption('class-demo');
    // Small batches: the small network's steps cost little each, so this makes the run last longer.
    await page.getByTestId('train-batch').selectOption('16');
  } else {
    await page.getByTestId('train-start-from').selectOption('pretrained');
    await page.getByTestId('train-lr').selectOption('0.0005');
    await page.getByTestId('train-batch').selectOption('32');
  }
  await page.getByTestId('train-examples').selectOption('9000');
  await page.getByTestId('train-epochs').selectOption('20');
  await page.getByTestId('train-start').click();
  const progress = page.getByTestId('train-progress');
  await expect(progress).toHaveAttribute('data-phase', 'running');
  await expect.poll(async () => Number(await progress.getAttribute('data-examples')), { timeout: 60_000 }).toBeGreaterThanOrEqual(96);
}

/** Pauses the run from the training tab; it must still be going (a finished run has left the tfjs path). */
export async function pauseRun(page: Page): Promise<void> {
  await page.getByTestId('tab-training').click();
  const progress = page.getByTestId('train-progress');
  await expect(progress, 'the run is still going (make it longer if this machine is very fast)').toHaveAttribute('data-phase', 'running');
  await page.getByTestId('train-pause').click();
  await expect(progress).toHaveAttribute('data-phase', 'paused');
}

export async function resumeRun(page: Page): Promise<void> {
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-resume').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'running');
}

/** Stops the run and frees the trained model: only the shipped model is left. */
export async function stopAndReset(page: Page): Promise<void> {
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-stop').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'stopped', { timeout: 60_000 });
  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('show-trained')).toHaveCount(0);
}
