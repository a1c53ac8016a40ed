import { test, expect, openApp, waitForNetwork, drawStroke, endRun, SEVEN_STROKE } from './fixtures';

/**
 * Records every message the page posts to a Worker (they still go through), and the type of
 * every message a worker sends back once the page has posted to it.
 */
function recordWorkerMessages(): void {
  const sent: unknown[] = [];
  const received: string[] = [];
  Object.assign(window, { __workerMessages: sent, __workerReplies: received });
  const heard = new WeakSet<Worker>();
  const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
  Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    sent.push(args[0]);
    if (!heard.has(this)) {
      heard.add(this);
      this.addEventListener('message', (e: MessageEvent<{ type: string }>) => received.push(e.data.type));
    }
    post.apply(this, args);
  };
}

/** How many messages of `type` the training worker has sent the page. */
function repliesOf(type: string): number {
  return (window as unknown as { __workerReplies: string[] }).__workerReplies.filter((t) => t === type).length;
}

/** True once the training worker has sent the page more than `n` messages of `type`. */
function moreRepliesThan([type, n]: readonly [string, number]): boolean {
  return (window as unknown as { __workerReplies: string[] }).__workerReplies.filter((t) => t === type).length > n;
}

test('the pad tells the training worker when the pen goes down and lifts, once per stroke, training goes on, and the page waits for the stroke to end', async ({
  page,
  problems,
}) => {
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
  await drawStroke(page, SEVEN_STROKE);
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

  // While the pen is held down the page does no training work it can do after the stroke:
  // the charts, the progress line and the maps that follow the weights wait, so the app's
  // root does not render, and they all catch up when the pen lifts.
  const app = page.getByTestId('app');
  const renders = async () => Number(await app.getAttribute('data-renders'));
  const box = (await page.getByTestId('draw-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.5);
  const [heldRenders, heldExamples] = [await renders(), Number(await progress.getAttribute('data-examples'))];
  // The pen stays down until the worker has sent batch reports and weights the page could
  // have shown: the stroke goes on, a move each time one more report has arrived.
  const [batches, weights] = [await page.evaluate(repliesOf, 'batch'), await page.evaluate(repliesOf, 'weights')];
  for (let i = 0; i < 4; i++) {
    await page.mouse.move(box.x + box.width * (0.35 + 0.06 * i), box.y + box.height * (0.5 + 0.04 * i));
    await page.waitForFunction(moreRepliesThan, ['batch', batches + i] as const, { timeout: 30_000 });
  }
  await page.waitForFunction(moreRepliesThan, ['weights', weights] as const, { timeout: 30_000 });
  const [rendersWhileDown, examplesWhileDown] = [await renders(), Number(await progress.getAttribute('data-examples'))];
  await page.mouse.up();
  expect(await progress.getAttribute('data-phase')).toBe('running');
  expect(rendersWhileDown - heldRenders).toBeLessThanOrEqual(1);
  expect(examplesWhileDown).toBe(heldExamples);
  await expect.poll(async () => Number(await progress.getAttribute('data-examples')), { timeout: 5_000 }).toBeGreaterThan(heldExamples);
  await expect.poll(renders, { timeout: 5_000 }).toBeGreaterThan(rendersWhileDown + 1);

  await endRun(page);
  expect(problems.errors).toEqual([]);
});
