import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';

/** The output side the question asks for, from its data attributes: floor((n + 2p - k) / s) + 1, then pooling. */
async function expectedSize(page: Page): Promise<number> {
  const q = page.getByTestId('exercise-size-question');
  const [n, k, s, p, pool] = await Promise.all(['data-n', 'data-k', 'data-stride', 'data-padding', 'data-pool'].map(async (a) => Number(await q.getAttribute(a))));
  const conv = Math.floor((n + 2 * p - k) / s) + 1;
  return pool > 0 ? Math.floor(conv / pool) : conv;
}

const HORIZONTAL = [-1, -1, -1, 2, 2, 2, -1, -1, -1];
const VERTICAL = [-1, 2, -1, -1, 2, -1, -1, 2, -1];

async function typeKernel(page: Page, weights: readonly number[]): Promise<void> {
  for (let i = 0; i < 9; i++) await page.getByTestId(`exercise-kernel-${i}`).fill(String(weights[i]));
}

test('exercises: predict an output size, build a horizontal-stroke filter, progress survives a reload', async ({ page, problems }) => {
  await openApp(page);
  await page.getByTestId('tab-lessons').click();
  const size = page.getByTestId('exercise-output-size');
  await expect(size).toHaveAttribute('data-done', 'false');

  // A wrong size: the feedback fails and shows the arithmetic.
  const answer = await expectedSize(page);
  const feedback = page.getByTestId('exercise-feedback-output-size');
  await page.getByTestId('exercise-size-answer').fill(String(answer + 1));
  await page.getByTestId('exercise-check-output-size').click();
  await expect(feedback).toHaveAttribute('data-result', 'fail');
  await expect(feedback).toContainText('⌊');
  await expect(size).toHaveAttribute('data-done', 'false');
  // The right size passes and ticks the exercise.
  await page.getByTestId('exercise-size-answer').fill(String(answer));
  await page.getByTestId('exercise-check-output-size').click();
  await expect(feedback).toHaveAttribute('data-result', 'pass');
  await expect(size).toHaveAttribute('data-done', 'true');

  // The vertical filter is turned away with the reason; the horizontal one passes.
  const stroke = page.getByTestId('exercise-stroke-filter');
  const strokeFeedback = page.getByTestId('exercise-feedback-stroke-filter');
  await typeKernel(page, VERTICAL);
  await page.getByTestId('exercise-check-stroke-filter').click();
  await expect(strokeFeedback).toHaveAttribute('data-result', 'fail');
  await expect(strokeFeedback).toContainText('vertical strokes instead');
  await typeKernel(page, HORIZONTAL);
  await page.getByTestId('exercise-check-stroke-filter').click();
  await expect(strokeFeedback).toHaveAttribute('data-result', 'pass');
  await expect(stroke).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('exercises-done')).toHaveAttribute('data-count', '2');

  // Reload: the two done marks are still there, the others are not.
  await page.reload();
  await expect(page.getByTestId('fired-map-0')).toBeAttached({ timeout: 30_000 });
  await page.getByTestId('tab-lessons').click();
  await expect(page.getByTestId('exercise-output-size')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('exercise-stroke-filter')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('exercise-misclassified')).toHaveAttribute('data-done', 'false');
  await expect(page.getByTestId('exercise-sigmoid')).toHaveAttribute('data-done', 'false');

  // A corrupt stored value is ignored: empty progress, no error.
  await page.evaluate(() => localStorage.setItem('convlens.exercises', '{not json'));
  await page.reload();
  await expect(page.getByTestId('fired-map-0')).toBeAttached({ timeout: 30_000 });
  await page.getByTestId('tab-lessons').click();
  await expect(page.getByTestId('exercises-done')).toHaveAttribute('data-count', '0');
  expect(problems.errors).toEqual([]);
});
