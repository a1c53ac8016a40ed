import type { Page } from '@playwright/test';
import { SIGMOID_RECIPE, SIGMOID_RECIPE_REACHES } from '../src/core/exercises/sigmoidRun';
import { test, expect, openApp, wrongConfusionCells } from './fixtures';

/** The output side the question asks for, from its data attributes: floor((n + 2p - k) / s) + 1, then pooling. */
async function expectedSize(page: Page): Promise<number> {
  const q = page.getByTestId('exercise-size-question');
  const [n, k, s, p, pool] = await Promise.all(
    ['data-n', 'data-k', 'data-stride', 'data-padding', 'data-pool'].map(async (a) => Number(await q.getAttribute(a))),
  );
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

test('exercises: a digit the shipped network gets right fails, a held-out digit it gets wrong passes', async ({ page, problems }) => {
  await openApp(page);
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveAttribute('data-digit', '2', { timeout: 60_000 });
  await page.getByTestId('tab-lessons').click();
  const exercise = page.getByTestId('exercise-misclassified');
  const feedback = page.getByTestId('exercise-feedback-misclassified');

  // The default sample, the first "2", is classified correctly: saying so does not pass.
  await page.getByTestId('exercise-truth').selectOption('2');
  await page.getByTestId('exercise-check-misclassified').click();
  await expect(feedback).toHaveAttribute('data-result', 'fail');
  await expect(feedback).toContainText('gets this one right: it says 2');
  // Claiming another label for an MNIST digit is turned away.
  await page.getByTestId('exercise-truth').selectOption('3');
  await page.getByTestId('exercise-check-misclassified').click();
  await expect(feedback).toContainText('labelled 2');
  await expect(exercise).toHaveAttribute('data-done', 'false');

  // A held-out digit the network gets wrong, found with the confusion matrix and opened from it.
  await page.getByTestId('tab-network').click();
  await page.getByTestId('confusion-compute').click();
  await expect(page.getByTestId('confusion-score')).toBeVisible({ timeout: 90_000 });
  const wrong = await wrongConfusionCells(page);
  expect(wrong.length).toBeGreaterThan(0);
  await page.getByTestId(wrong[0].id).click();
  const item = page.getByTestId('misclassified-item').first();
  const digit = (await item.getAttribute('data-digit'))!;
  const predicted = (await item.getAttribute('data-predicted'))!;
  expect(digit).not.toBe(predicted);
  await item.click();
  await expect(prediction).toHaveAttribute('data-up-to-date', 'true');
  await expect(prediction).toHaveAttribute('data-digit', predicted);

  await page.getByTestId('tab-lessons').click();
  await page.getByTestId('exercise-truth').selectOption(digit);
  await page.getByTestId('exercise-check-misclassified').click();
  await expect(feedback).toHaveAttribute('data-result', 'pass');
  await expect(feedback).toContainText(`the network says ${predicted}, but it is a ${digit}`);
  await expect(exercise).toHaveAttribute('data-done', 'true');
  expect(problems.errors).toEqual([]);
});

/** Trains the network in the training tab as it is set up, until the run has finished; returns its held-out accuracy. */
async function trainToEnd(page: Page, timeout = 60_000): Promise<number> {
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('train-progress')).toHaveAttribute('data-phase', 'finished', { timeout });
  return Number(await page.getByTestId('train-heldout').getAttribute('data-accuracy'));
}

/** The feedback's way of writing an accuracy (0..1): one decimal, in percent. */
const percent = (accuracy: number) => (accuracy * 100).toFixed(1);

test('exercises: the sigmoid check needs a finished run, turns ReLU away and a sigmoid run below the bar', async ({ page, problems }) => {
  await openApp(page);
  await page.getByTestId('tab-lessons').click();
  const exercise = page.getByTestId('exercise-sigmoid');
  const feedback = page.getByTestId('exercise-feedback-sigmoid');
  const check = () => page.getByTestId('exercise-check-sigmoid').click();
  await check();
  await expect(feedback).toHaveAttribute('data-result', 'fail');
  await expect(feedback).toContainText('no finished training run');

  // A short run of one ReLU convolution block: the check names the block that is not sigmoid.
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-preset').selectOption('class-demo');
  // The class demo's network less its second block and its dense layer: one block into the output.
  await page.getByTestId('arch-block-1').locator('.arch-remove').click();
  await page.getByTestId('arch-dense-0').locator('.arch-remove').click();
  await expect(page.getByTestId('arch-block-1')).toHaveCount(0);
  await expect(page.getByTestId('arch-dense-0')).toHaveCount(0);
  await page.getByTestId('train-examples').selectOption('256');
  await page.getByTestId('train-epochs').selectOption('1');
  await expect(page.getByTestId('arch-activation-0')).toHaveValue('relu');
  await trainToEnd(page);
  await page.getByTestId('tab-lessons').click();
  await check();
  await expect(feedback).toHaveAttribute('data-result', 'fail');
  await expect(feedback).toContainText('did not use sigmoid everywhere');
  await expect(feedback).toContainText('Convolution blocks not using sigmoid: 1.');

  // The same block with sigmoid, trained for 4 steps on 100 digits: far below 85 %, whatever the seed.
  await page.getByTestId('tab-training').click();
  await page.getByTestId('arch-activation-0').selectOption('sigmoid');
  await page.getByTestId('train-examples').selectOption('100');
  await expect(page.getByTestId('train-epochs')).toHaveValue('1');
  const accuracy = await trainToEnd(page);
  expect(accuracy, 'a sigmoid network that saw 100 digits once').toBeLessThan(0.85);
  await page.getByTestId('tab-lessons').click();
  await check();
  await expect(feedback).toHaveAttribute('data-result', 'fail');
  await expect(feedback).toContainText(`Your sigmoid network reached ${percent(accuracy)} %; it needs at least 85.0 %.`);
  await expect(feedback).toContainText('one convolution block straight into the output layer');
  await expect(feedback).toContainText(
    `learning rate (${SIGMOID_RECIPE.learningRate}) and batches of ${SIGMOID_RECIPE.batchSize}; train for ${SIGMOID_RECIPE.epochs} epochs of ${SIGMOID_RECIPE.trainExamples.toLocaleString('en-US')} digits`,
  );
  await expect(feedback).toContainText(`between about ${percent(SIGMOID_RECIPE_REACHES.low)} % and ${percent(SIGMOID_RECIPE_REACHES.high)} %`);
  await expect(exercise).toHaveAttribute('data-done', 'false');
  expect(problems.errors).toEqual([]);
});

/**
 * A run seed with which the hinted sigmoid recipe passes by the widest margin of seeds 1-5:
 * 87.0 % held out in `npm run check:claims -- --only sigmoid-recipe --seeds 4`, which trains
 * the same network with the same options, weights, digits and order as the training tab does
 * with this seed (the recipe has no dropout layer).
 */
const PASSING_SEED = 4;

test('exercises: the hinted sigmoid recipe passes the sigmoid exercise', async ({ page, problems }) => {
  // A real run of the recipe the hints give: a few minutes, far longer on a busy machine.
  test.setTimeout(25 * 60_000);
  // The recipe reaches 77.5-87 % depending on the seed (3 of seeds 1-5 pass, npm run
  // check:claims), so a run with a random seed may fall short: the run is given a seed in the
  // training tab, as a student may, so the pass branch is shown every time, not by chance.
  await openApp(page);
  await page.getByTestId('tab-lessons').click();
  const exercise = page.getByTestId('exercise-sigmoid');
  const feedback = page.getByTestId('exercise-feedback-sigmoid');
  await expect(exercise).toHaveAttribute('data-done', 'false');

  // The default network and run, cut down as the hints say.
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-preset').selectOption('default');
  await page.getByRole('button', { name: 'Remove block 2' }).click();
  await page.getByRole('button', { name: 'Remove dense layer 1' }).click();
  await page.getByTestId('arch-activation-0').selectOption('sigmoid');
  await expect(page.getByTestId('arch-block-1')).toHaveCount(0);
  await expect(page.getByTestId('arch-dense-0')).toHaveCount(0);
  await page.getByTestId('train-lr').selectOption(String(SIGMOID_RECIPE.learningRate));
  await page.getByTestId('train-batch').selectOption(String(SIGMOID_RECIPE.batchSize));
  await page.getByTestId('train-epochs').selectOption(String(SIGMOID_RECIPE.epochs));
  await page.getByTestId('train-examples').selectOption(String(SIGMOID_RECIPE.trainExamples));
  // A seed that is not a whole number is turned away with a message, and the run cannot start.
  await page.getByTestId('train-seed').fill('1.5');
  await expect(page.getByTestId('train-seed-problem')).toContainText('whole number from 0 to 999,999');
  await expect(page.getByTestId('train-start')).toBeDisabled();
  await page.getByTestId('train-seed').fill(String(PASSING_SEED));
  await expect(page.getByTestId('train-seed-problem')).toHaveCount(0);
  const accuracy = await trainToEnd(page, 23 * 60_000);
  await expect(page.getByTestId('train-last-seed')).toHaveAttribute('data-seed', String(PASSING_SEED));
  console.log(`the hinted sigmoid recipe with run seed ${PASSING_SEED} reached ${percent(accuracy)} % held out`);
  expect(accuracy, 'the hinted recipe reaches the bar').toBeGreaterThanOrEqual(0.85);

  await page.getByTestId('tab-lessons').click();
  await page.getByTestId('exercise-check-sigmoid').click();
  await expect(feedback).toHaveAttribute('data-result', 'pass');
  await expect(feedback).toContainText(`Well done: your sigmoid network reached ${percent(accuracy)} % (at least 85.0 % was needed).`);
  await expect(exercise).toHaveAttribute('data-done', 'true');
  expect(problems.errors).toEqual([]);
});
