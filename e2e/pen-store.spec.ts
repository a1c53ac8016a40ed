import type { Page } from '@playwright/test';
import { test, expect, openApp, settledValue, waitForNetwork } from './fixtures';

/** Moves of the stroke: enough that per-move work would stand far above the per-stroke allowance. */
const MOVES = 40;
/** Commits a view that must not follow each move may make per stroke (its start and its end). */
const PER_STROKE = 4;

/** `data-renders` (commits counted by the component) of the element with `testId`. */
async function renders(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).getAttribute('data-renders')) ?? 'NaN');
}

/** What the prediction card and conv1's canvas show right now. */
async function liveState(page: Page): Promise<{ answer: string; paints: number }> {
  return page.evaluate(() => {
    const p = document.querySelector('[data-testid="prediction"]');
    const c = document.querySelector('[data-testid="channels-conv1"] canvas');
    return { answer: `${p?.getAttribute('data-digit')}:${p?.getAttribute('data-confidence')}`, paints: Number(c?.getAttribute('data-paints') ?? 0) };
  });
}

/** A circle-ish stroke over the pad, `MOVES` moves long, sampled live after every fifth move. */
async function drawSampled(page: Page): Promise<{ answers: Set<string>; paints: number[]; last: string }> {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('drawing pad not visible');
  const at = (i: number) => {
    const a = (2 * Math.PI * i) / MOVES;
    return [box.x + box.width * (0.5 + 0.3 * Math.sin(a)), box.y + box.height * (0.5 - 0.35 * Math.cos(a))] as const;
  };
  const answers = new Set<string>();
  const paints: number[] = [];
  let last = '';
  await page.mouse.move(...at(0));
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) {
    await page.mouse.move(...at(i));
    if (i % 5 === 0) {
      // Two frames later, the canvas has had its frame to paint this move.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const s = await liveState(page);
      answers.add(s.answer);
      paints.push(s.paints);
      last = s.answer;
    }
  }
  await page.mouse.up();
  return { answers, paints, last };
}

// A window tall enough to show the first layer rows under the network overview, with the pad.
test.use({ viewport: { width: 1366, height: 1800 } });

test('a stroke on the CNN tab renders only the live views per move; the rest commits a few times per stroke', async ({ page, problems }) => {
  await openApp(page);
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('channels-conv1').locator('canvas')).toHaveAttribute('data-paints', /[1-9]/);
  // The model session's start-up renders the app a few times: let it finish before counting.
  await waitForNetwork(page);
  await page.getByTestId('clear').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '');
  // The worked panels sit far below the fold: they must not follow the pen from there.
  await expect(page.getByTestId('teach-live')).toHaveAttribute('data-on-screen', 'false');
  const shells = ['app', 'input-panel', 'teach-live', 'softmax-worked'] as const;
  const before = Object.fromEntries(await Promise.all(shells.map(async (id) => [id, await renders(page, id)] as const)));
  for (const id of shells) expect(before[id], `${id} counts its commits`).toBeGreaterThan(0);
  const urlBefore = page.url();

  const { answers, paints, last } = await drawSampled(page);

  // The live views followed the pen during the stroke.
  expect(answers.size, `the prediction changed during the stroke (${[...answers].join(' ')})`).toBeGreaterThan(2);
  expect(answers.has('undefined:undefined') || answers.has(':'), 'a prediction was shown throughout').toBe(false);
  expect(new Set(paints).size, `conv1 repainted during the stroke (${paints.join(', ')})`).toBeGreaterThan(2);
  // The stroke reaches the lab state once it ends: the address bar then carries the drawing.
  await expect.poll(() => page.url(), { message: 'the link follows the drawing once the stroke ends' }).not.toBe(urlBefore);
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-up-to-date', 'true');
  // What the pen showed live is what the lab state computes from the finished stroke.
  expect((await liveState(page)).answer, 'the prediction after the stroke is the one shown at its last move').toBe(last);
  for (const id of shells) {
    const grew = (await renders(page, id)) - before[id];
    test.info().annotations.push({ type: 'commits per stroke', description: `${id}: ${grew}` });
    expect.soft(grew, `${id} committed ${grew} times for a stroke of ${MOVES} moves`).toBeLessThanOrEqual(PER_STROKE);
  }
  // Scrolled into view, the worked panels catch up with the drawing.
  const worked = page.getByTestId('softmax-worked');
  await worked.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('teach-live')).toHaveAttribute('data-on-screen', 'true');
  // They catch up in a frame after the browser reports them on screen: until then they hold
  // the drawing they last showed (on a busy machine that frame can come late).
  const digit = await page.getByTestId('prediction').getAttribute('data-digit');
  const confidence = Number(await page.getByTestId('prediction').getAttribute('data-confidence'));
  await expect
    .poll(async () => Math.abs(Number(await page.getByTestId(`softmax-row-${digit}`).getAttribute('data-probability')) - confidence), {
      message: 'the worked softmax shows the drawing the prediction shows',
      timeout: 10_000,
    })
    .toBeLessThan(1e-4);
  expect(problems.errors).toEqual([]);
});

/** The drawing the page's link holds (its `d` key). */
async function linked(page: Page): Promise<string> {
  return new URL(page.url()).searchParams.get('d') ?? '';
}

/** The link's drawing once it has changed from `previous` and settled. */
async function nextLinked(page: Page, previous: string): Promise<string> {
  await expect.poll(() => linked(page), { message: 'the link took the new drawing', timeout: 30_000 }).not.toBe(previous);
  return settledValue(() => linked(page), 'the drawing in the link');
}

/** Two straight strokes (a plus sign), from [x0, y0] to [x1, y1] in pad fractions. */
const PLUS = [
  [0.5, 0.15, 0.5, 0.85],
  [0.25, 0.5, 0.75, 0.5],
] as const;

/**
 * Strokes as mouse pointer events dispatched in one task: each begins before the one before has
 * reached the page's state. Returns what the prediction card showed just before the pen lifted
 * from the last stroke (the card follows the pen synchronously).
 */
function strokesInOneTask(page: Page, strokes: readonly (readonly number[])[]): Promise<string> {
  return page.getByTestId('draw-canvas').evaluate((pad, lines) => {
    const box = pad.getBoundingClientRect();
    const fire = (type: string, x: number, y: number) =>
      pad.dispatchEvent(
        new PointerEvent(type, {
          bubbles: true,
          cancelable: true,
          pointerId: 1,
          pointerType: 'mouse',
          isPrimary: true,
          button: type === 'pointermove' ? -1 : 0,
          buttons: type === 'pointerup' ? 0 : 1,
          clientX: box.left + x * box.width,
          clientY: box.top + y * box.height,
        }),
      );
    let shown = '';
    for (const [x0, y0, x1, y1] of lines) {
      fire('pointerdown', x0, y0);
      for (let i = 1; i <= 8; i++) fire('pointermove', x0 + ((x1 - x0) * i) / 8, y0 + ((y1 - y0) * i) / 8);
      const card = document.querySelector('[data-testid="prediction"]');
      shown = `${card?.getAttribute('data-digit')}:${card?.getAttribute('data-confidence')}`;
      fire('pointerup', x1, y1);
    }
    return shown;
  }, strokes);
}

test('a stroke that begins before the last one has reached the page state: the live views show both, and so does the link', async ({ page, problems }) => {
  await openApp(page);
  // The same two strokes, each landing before the next begins: the drawing to expect.
  const start = await linked(page);
  await strokesInOneTask(page, PLUS.slice(0, 1));
  const one = await nextLinked(page, start);
  const slowShown = await strokesInOneTask(page, PLUS.slice(1));
  const both = await nextLinked(page, one);

  await page.getByTestId('clear').click();
  const cleared = await nextLinked(page, both);
  const fastShown = await strokesInOneTask(page, PLUS);
  // While the second stroke was drawn, the live views showed the first one too.
  expect(fastShown).toBe(slowShown);
  // A lost stroke would leave the link at a one-stroke drawing for good.
  await expect.poll(() => linked(page), { message: 'the link holds both strokes', timeout: 30_000 }).toBe(both);
  expect(cleared).not.toBe(both);
  expect(problems.errors).toEqual([]);
});
