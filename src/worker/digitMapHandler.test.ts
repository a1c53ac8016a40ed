import { beforeAll, describe, expect, it } from 'vitest';
import { MNIST_PIXELS } from '../core/grid';
import { readMnist } from '../data/node';
import { splitIndices } from '../data/split';
import type { MnistData } from '../data/mnistFormat';
import { shippedPlainNetwork } from '../model/attribution/shippedForTests';
import { DEFAULT_SPEC } from '../model/spec';
import type { DigitMapReply, DigitMapRequest } from './digitMapProtocol';
import { createDigitMapHandler } from './digitMapHandler';

let data: MnistData;
let pixels: Uint8Array;

beforeAll(() => {
  data = readMnist();
  const { test } = splitIndices(data);
  // 200 held-out digits, 20 of each class: enough for a layout, quick to fit.
  const chosen = Array.from(test).filter((_, i) => i % 100 < 20);
  pixels = new Uint8Array(chosen.length * MNIST_PIXELS);
  chosen.forEach((g, i) => pixels.set(data.pixels.subarray(g * MNIST_PIXELS, (g + 1) * MNIST_PIXELS), i * MNIST_PIXELS));
});

const fit = (job: number, layer: 'dense' | 'pool1', version = 1): Extract<DigitMapRequest, { type: 'fit' }> => ({
  type: 'fit',
  job,
  key: `${version}:${layer}`,
  version,
  spec: DEFAULT_SPEC,
  weights: shippedPlainNetwork().weightList(),
  layer,
  pixels,
});

describe('the digit-map worker handler', () => {
  it('reports progress through every stage, answers with the layout, then places a digit by it', async () => {
    const replies: DigitMapReply[] = [];
    const handle = createDigitMapHandler(
      (r) => replies.push(r),
      () => Promise.resolve(),
    );
    await handle(fit(1, 'dense'));
    const stages = new Set(replies.filter((r) => r.type === 'progress').map((r) => r.stage));
    expect([...stages]).toEqual(['features', 'neighbours', 'layout']);
    const layout = replies.find((r) => r.type === 'layout');
    expect(layout).toMatchObject({ job: 1, key: '1:dense' });
    expect(layout?.type === 'layout' && layout.xy.length).toBe(400);
    const image = Float32Array.from(pixels.subarray(0, MNIST_PIXELS), (v) => v / 255);
    await handle({ type: 'place', job: 2, key: '1:dense', image });
    const placed = replies.at(-1)!;
    expect(placed.type === 'placed' && placed.xy?.every(Number.isFinite)).toBe(true);
    // A layout it does not hold places nothing.
    await handle({ type: 'place', job: 3, key: '1:pool2', image });
    expect(replies.at(-1)).toEqual({ type: 'placed', job: 3, key: '1:pool2', xy: null });
  }, 30_000);

  it('drops a fit superseded by a newer one, and one cancelled, without a word', async () => {
    const replies: DigitMapReply[] = [];
    const handle = createDigitMapHandler(
      (r) => replies.push(r),
      () => new Promise((resolve) => setTimeout(resolve, 0)),
    );
    const first = handle(fit(1, 'pool1'));
    const second = handle(fit(2, 'dense'));
    await Promise.all([first, second]);
    expect(replies.filter((r) => r.type === 'layout').map((r) => r.job)).toEqual([2]);
    expect(replies.some((r) => r.type === 'failed')).toBe(false);
    const third = handle(fit(3, 'dense', 2));
    await handle({ type: 'cancel', job: 3 });
    await third;
    expect(replies.filter((r) => r.type === 'layout').map((r) => r.job)).toEqual([2]);
    // Refuses a layer the network does not have.
    await handle({ ...fit(4, 'dense'), spec: { ...DEFAULT_SPEC, dense: [] }, weights: [] });
    expect(replies.at(-1)).toMatchObject({ type: 'failed', job: 4 });
  }, 30_000);
});
