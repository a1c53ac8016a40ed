import type { Locator, Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { logProbability } from '../src/core/softmax';
import { readMnist } from '../src/data/node';
import { DEFAULT_SAMPLE, digitImage, sampleIndex } from '../src/data/split';
import { gradCam } from '../src/model/attribution/gradCam';
import { occlusionForClass, plainClassScore } from '../src/model/attribution/occlusion';
import { pearson } from '../src/model/attribution/correlationForTests';
import { saliency as tfjsSaliency } from '../src/model/attribution/saliency';
import { loadShippedModel, shippedPlainNetwork } from '../src/model/attribution/shippedForTests';
import { test, expect, openApp, drawStroke, expectTensorsBackTo, stableTensorCount, waitForNetwork, SEVEN_STROKE } from './fixtures';

/** The default sample (the first "2"), as the page shows it, and the shipped network in plain JavaScript: the test's own numbers. */
const data = readMnist();
const image = digitImage(data, sampleIndex(data, DEFAULT_SAMPLE));
const plain = shippedPlainNetwork();
const logits = plain.run(image.data).find((l) => l.kind === 'logits')!.data;

const figure = (page: Page, method: string): Locator => page.getByTestId(`attribution-${method}`).locator('figure');
const numberOf = async (locator: Locator, name: string) => Number(await locator.getAttribute(`data-${name}`));

/** Waits until the three maps are the panel's current ones for class `digit`. */
async function mapsReadyFor(page: Page, digit: number): Promise<void> {
  const panel = page.getByTestId('attribution-panel');
  await expect(panel).toHaveAttribute('data-class', String(digit));
  await expect(panel).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  for (const method of ['saliency', 'occlusion', 'gradcam']) await expect(figure(page, method)).toHaveAttribute('data-class', String(digit));
}

test('why it decided: saliency, occlusion and Grad-CAM agree with numbers computed here, follow the class, the link and a new stroke, without leaking tensors', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await waitForNetwork(page);
  await page.getByTestId('tab-network').click();
  const panel = page.getByTestId('attribution-panel');
  await panel.scrollIntoViewIfNeeded();
  const predicted = Number(
    await expect(panel)
      .not.toHaveAttribute('data-predicted', '', { timeout: 60_000 })
      .then(() => panel.getAttribute('data-predicted')),
  );
  expect(predicted).toBe(2);
  await mapsReadyFor(page, 2);

  await test.step('the predicted class: log-probability, occlusion and Grad-CAM equal the plain pass and tfjs run here', async () => {
    const logP = logProbability(logits, 2);
    expect(await numberOf(page.getByTestId('attribution-log-probability'), 'value')).toBeCloseTo(logP, 6);
    const occlusion = figure(page, 'occlusion');
    const expected = occlusionForClass(plain, image, 2);
    expect(await numberOf(occlusion, 'baseline')).toBeCloseTo(expected.baseline, 6);
    // The largest drop, where the page says it is, recomputed by hiding that patch by hand.
    const row = await numberOf(occlusion, 'max-drop-row');
    const col = await numberOf(occlusion, 'max-drop-col');
    const hidden = Float32Array.from(image.data);
    for (let r = row; r < row + 6; r++) hidden.fill(0, r * 28 + col, r * 28 + col + 6);
    const drop = expected.baseline - plainClassScore(plain, 2)(hidden);
    expect(drop).toBeGreaterThan(0);
    expect(await numberOf(occlusion, 'max-drop')).toBeCloseTo(drop, 5);
    expect(Math.max(...expected.drops.data)).toBeCloseTo(drop, 6);
    expect(await numberOf(occlusion, 'max-abs')).toBeCloseTo(expected.maxAbs, 5);

    await tf.setBackend('cpu');
    const model = await loadShippedModel();
    const cam = (await gradCam(model, image, 2))!;
    model.dispose();
    const gradcam = figure(page, 'gradcam');
    await expect(gradcam).toHaveAttribute('data-layer', cam.layer);
    expect(await numberOf(gradcam, 'cells')).toBe(cam.coarse.height);
    const coarseMax = Math.max(...cam.coarse.data);
    expect(coarseMax).toBeGreaterThan(0);
    expect(Math.abs((await numberOf(gradcam, 'coarse-max')) - coarseMax)).toBeLessThan(0.02 * coarseMax);
    await expect(page.getByTestId('attribution-class-predicted')).toHaveAttribute('aria-pressed', 'true');
  });

  const baseline = await stableTensorCount(page);

  await test.step('another class, chosen with the keyboard: new maps, in the link; saliency equals the gradient tfjs takes here on the CPU', async () => {
    const before = await numberOf(figure(page, 'occlusion'), 'sum');
    await page.getByTestId('attribution-class-7').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('attribution-class-7')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => new URL(page.url()).searchParams.get('ac')).toBe('7');
    await mapsReadyFor(page, 7);
    const occlusion = figure(page, 'occlusion');
    expect(await numberOf(occlusion, 'baseline')).toBeCloseTo(logProbability(logits, 7), 6);
    expect(await numberOf(occlusion, 'sum')).not.toBeCloseTo(before, 3);
    // The page's gradient (tfjs on its backend) against the same gradient taken here on tfjs's CPU backend.
    const saliency = figure(page, 'saliency');
    const model = await loadShippedModel();
    const expected = (await tfjsSaliency(model, image, 7)).gradient;
    model.dispose();
    const shown = ((await saliency.getAttribute('data-values')) ?? '').split(' ').map(Number);
    expect(shown).toHaveLength(784);
    // The two backends differ where a pooling window holds equal values (the flat background
    // after a ReLU with a positive bias): each passes the gradient to a cell of its own choice,
    // and the difference spreads to nearby pixels. Over the digit the maps still agree closely.
    const largest = expected.data.reduce((m, g) => Math.max(m, Math.abs(g)), 0);
    expect(largest).toBeGreaterThan(0.01);
    const ink = [...image.data.keys()].filter((p) => image.data[p] >= 0.5);
    expect(ink.length).toBeGreaterThan(50);
    const r = pearson(
      ink.map((p) => shown[p]),
      ink.map((p) => expected.data[p]),
    );
    console.info(`saliency of 7 on the ink: correlation ${r.toFixed(4)} between the page and tfjs on the CPU`);
    expect(r).toBeGreaterThan(0.98);
    expect(Math.abs((await numberOf(saliency, 'max-abs')) - largest)).toBeLessThan(0.02 * largest);
  });

  await test.step('repeated updates leave no tensor behind', async () => {
    for (const digit of [3, 9, 7]) {
      await page.getByTestId(`attribution-class-${digit}`).click();
      await mapsReadyFor(page, digit);
    }
    await expectTensorsBackTo(page, baseline);
  });

  await test.step('a new stroke updates the maps once it ends', async () => {
    await page.getByTestId('attribution-class-predicted').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ac')).toBeNull();
    await mapsReadyFor(page, 2);
    const before = await numberOf(figure(page, 'occlusion'), 'baseline');
    await page.getByTestId('clear').scrollIntoViewIfNeeded();
    await page.getByTestId('clear').click();
    await drawStroke(page, SEVEN_STROKE);
    await expect(page.getByTestId('prediction')).toHaveAttribute('data-digit', '7');
    await panel.scrollIntoViewIfNeeded();
    await mapsReadyFor(page, 7);
    expect(await numberOf(figure(page, 'occlusion'), 'baseline')).not.toBeCloseTo(before, 6);
    await expectTensorsBackTo(page, baseline);
  });
});
