import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAbortError } from '../../core/abort';
import { topRows } from '../../core/topK';
import { readMnist } from '../../data/node';
import { heldOutSet } from '../../data/heldOut';
import { loadShippedModel, shippedPlainNetwork } from '../attribution/shippedForTests';
import { buildModel } from '../build';
import { createRandom } from '../random';
import type { ModelSpec } from '../spec';
import { ascendChannel, DEFAULT_ASCENT } from './ascent';
import { channelMaxima, type ChannelMaxima } from './channelMaxima';

let model: tf.LayersModel;
/** The 1,000 held-out digits, 784 bytes each, in the split's order. */
let heldOut: Uint8Array;
const maximaOf = new Map<string, ChannelMaxima>();

beforeAll(async () => {
  await tf.setBackend('cpu');
  model = await loadShippedModel();
  heldOut = heldOutSet(readMnist()).pixels;
});
afterAll(() => model.dispose());

async function shippedMaxima(layer: string): Promise<ChannelMaxima> {
  if (!maximaOf.has(layer)) maximaOf.set(layer, await channelMaxima(model, layer, heldOut, 1000));
  return maximaOf.get(layer)!;
}

/** `count` distinct channels of `channels`, drawn with `seed`. */
function sampleChannels(channels: number, count: number, seed: number): number[] {
  const rng = createRandom(seed);
  const picked = new Set<number>();
  while (picked.size < Math.min(count, channels)) picked.add(Math.floor(rng() * channels));
  return [...picked];
}

/** For 2 seeded channels of every listed convolution of `m`: what the ascent reaches, its range, and the best held-out digit's value. */
async function ascentAgainstDigits(m: tf.LayersModel, convLayers: readonly string[], seed: number, maxima: (layer: string) => Promise<ChannelMaxima>) {
  const rows: { layer: string; channel: number; reached: number; recomputed: number; bestDigit: number; min: number; max: number }[] = [];
  for (const [i, layer] of convLayers.entries()) {
    const table = await maxima(layer);
    for (const channel of sampleChannels(table.channels, 2, seed + i)) {
      const found = await ascendChannel(m, layer, channel);
      const best = topRows(table.values, table.channels, channel, 1)[0];
      // The value reported, worked out again from the image returned, through the same layers.
      const recomputed = await channelMaxima(
        m,
        layer,
        Uint8Array.from(found.image.data, (v) => Math.round(v * 255)),
        1,
      );
      let min = Infinity;
      let max = -Infinity;
      for (const v of found.image.data) [min, max] = [Math.min(min, v), Math.max(max, v)];
      rows.push({
        layer,
        channel,
        reached: found.activation,
        recomputed: recomputed.values[channel],
        bestDigit: table.values[best * table.channels + channel],
        min,
        max,
      });
    }
  }
  return rows;
}

/** The measured numbers, one line per channel, for the record. */
function report(rows: { layer: string; channel: number; reached: number; bestDigit: number }[]): void {
  console.info(rows.map((r) => `${r.layer} channel ${r.channel + 1}: found ${r.reached.toFixed(3)} >= best digit ${r.bestDigit.toFixed(3)}`).join('\n'));
}

describe('what each filter looks for', () => {
  it('the found input, within [0, 1], excites its channel at least as much as the best held-out digit (shipped model, 2 channels of each convolution)', async () => {
    const rows = await ascentAgainstDigits(model, ['conv1', 'conv2'], 11, shippedMaxima);
    report(rows);
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.min).toBeGreaterThanOrEqual(0);
      expect(r.max).toBeLessThanOrEqual(1);
      expect(r.reached).toBeGreaterThanOrEqual(r.bestDigit);
      // Rounded to bytes for the check, so only close.
      expect(Math.abs(r.recomputed - r.reached)).toBeLessThan(0.05 * Math.abs(r.reached) + 0.05);
    }
  }, 240_000);

  it('ranks the held-out digits as a direct computation on the plain-JavaScript pass does', async () => {
    const plain = shippedPlainNetwork();
    for (const [layer, channel] of [
      ['conv1', 3],
      ['conv2', 17],
    ] as const) {
      const table = await shippedMaxima(layer);
      const direct = new Float64Array(1000);
      for (let d = 0; d < 1000; d++) {
        const out = plain.run(Float32Array.from(heldOut.subarray(d * 784, (d + 1) * 784), (b) => b / 255)).find((l) => l.name === layer)!;
        const channels = out.shape[2];
        let best = -Infinity;
        for (let i = channel; i < out.data.length; i += channels) best = Math.max(best, out.data[i]);
        direct[d] = best;
      }
      const byDirect = Array.from(direct.keys()).sort((a, b) => direct[b] - direct[a] || a - b);
      const top = topRows(table.values, table.channels, channel, 9);
      expect(top).toHaveLength(9);
      // The same nine digits, in the same order, unless two values are closer than float32 noise.
      top.forEach((d, i) => expect(Math.abs(direct[d] - direct[byDirect[i]])).toBeLessThan(1e-4));
      expect(top.slice(0, 3)).toEqual(byDirect.slice(0, 3));
      for (let i = 1; i < 9; i++)
        expect(table.values[top[i] * table.channels + channel]).toBeLessThanOrEqual(table.values[top[i - 1] * table.channels + channel]);
    }
  }, 240_000);

  it('leaves no tensor behind after an ascent, a cancelled ascent and a sweep; a cancel stops it early', async () => {
    const before = tf.memory().numTensors;
    await ascendChannel(model, 'conv1', 2, { ...DEFAULT_ASCENT, steps: 8, polish: 2 });
    expect(tf.memory().numTensors).toBe(before);
    const controller = new AbortController();
    let steps = 0;
    const run = ascendChannel(model, 'conv2', 5, DEFAULT_ASCENT, {
      signal: controller.signal,
      pause: () => Promise.resolve(),
      onProgress: (p) => {
        steps = p.step;
        if (p.step === 3) controller.abort();
      },
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAbortError(error)).toBe(true);
    expect(steps).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
    await channelMaxima(model, 'conv2', heldOut, 30, { batch: 7 });
    expect(tf.memory().numTensors).toBe(before);
    await expect(ascendChannel(model, 'conv3', 0)).rejects.toThrow(RangeError);
    await expect(ascendChannel(model, 'conv1', 16)).rejects.toThrow(RangeError);
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('works for 3 tanh blocks (seeded weights) with same padding, a stride, average and min pooling, and no dense layer', async () => {
    const spec: ModelSpec = {
      convBlocks: [
        { filters: 6, kernelSize: 3, stride: 1, padding: 'same', activation: 'tanh', pool: 'average', poolSize: 2 },
        { filters: 6, kernelSize: 3, stride: 1, padding: 'valid', activation: 'tanh', pool: 'none', poolSize: 2 },
        { filters: 6, kernelSize: 3, stride: 2, padding: 'valid', activation: 'tanh', pool: 'min', poolSize: 2 },
      ],
      dense: [],
    };
    const other = buildModel(spec, { seed: 3 });
    try {
      const rows = await ascentAgainstDigits(other, ['conv1', 'conv2', 'conv3'], 5, (layer) => channelMaxima(other, layer, heldOut, 1000));
      report(rows);
      expect(rows).toHaveLength(6);
      for (const r of rows) {
        expect(r.min).toBeGreaterThanOrEqual(0);
        expect(r.max).toBeLessThanOrEqual(1);
        expect(r.reached).toBeGreaterThanOrEqual(r.bestDigit);
      }
    } finally {
      other.dispose();
    }
  }, 240_000);
});
