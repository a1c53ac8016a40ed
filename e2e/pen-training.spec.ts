import { test, expect, openApp, waitForNetwork, drawStroke, endRun } from './fixtures';

/** Records every message the page posts to a Worker (they still go through). */
function recordWorkerMessages(): void {
  const sent: unknown[] = [];
  (window as unknown as { __workerMessages: unknown[] }).__workerMessages = sent;
  const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
  Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    sent.push(args[0]);
    post.apply(this, args);
  };
}

test('the pad tells the training worker when the pen goes down and lifts, once per stroke, and training goes on', async ({ page, problems }) => {
  test.setTimeout(300_000);
  await page.addInitScript(recordWorkerMessages);
  await openApp(page);
  await waitForNetwork(page);
  await page.getByTestId('tab-training').click();
  await page.getByTestId('train-preset').selectOption('class-demo');
  await page.getByTestId('train-examples').selectOption('9000');
  await page.getByTestId('train-epochs').selectOption('20');
  await page.getByTestId('train-start').click();
  const progress = page.getByTestId('train-progress');
  await expect.poll(async () => Number(await progress.getAttribute('data-examples')), { timeout: 60_000 }).toBeGreaterThan(0);

  await page.getByTestId('clear').click();
  await drawStroke(page, [
    [0.3, 0.2],
    [0.7, 0.2],
    [0.45, 0.85],
  ]);
  const pens = await page.evaluate(() =>
    (window as unknown as { __workerMessages: { type: string; down?: boolean }[] }).__workerMessages.filter((m) => m.type === 'pen'),
  );
  expect(pens).toEqual([
    { type: 'pen', down: true },
    { type: 'pen', down: false },
  ]);
  // The pen lifted: training goes on.
  const after = Number(await progress.getAttribute('data-examples'));
  await expect.poll(async () => Number(await progress.getAttribute('data-examples')), { timeout: 60_000 }).toBeGreaterThan(after);
  await endRun(page);
  expect(problems.errors).toEqual([]);
});
