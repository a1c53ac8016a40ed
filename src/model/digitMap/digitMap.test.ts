import { beforeAll, describe, expect, it } from 'vitest';
import { MNIST_PIXELS } from '../../core/grid';
import { neighbourAccuracy } from '../../core/neighbourAccuracy';
import { readMnist } from '../../data/node';
import type { MnistData } from '../../data/mnistFormat';
import { digitImage, splitIndices } from '../../data/split';
import { heldOutDigits, shippedPlainNetwork } from '../attribution/shippedForTests';
import type { PlainNetwork } from '../plainForward';
import { DEFAULT_SPEC, type ModelSpec } from '../spec';
import { layerFeatures, mapLayers, MAX_MAP_FEATURES } from './mapLayers';
import { DIGIT_MAP_UMAP, fitLayout, placeDigit, type FittedLayout } from './umapLayout';

let data: MnistData;
let plain: PlainNetwork;
let images: Float32Array;
let labels: Int32Array;

beforeAll(() => {
  data = readMnist();
  plain = shippedPlainNetwork();
  const digits = heldOutDigits(data, 100);
  images = new Float32Array(digits.length * MNIST_PIXELS);
  digits.forEach((d, i) => images.set(d.image.data, i * MNIST_PIXELS));
  labels = Int32Array.from(digits.map((d) => d.label));
});

describe('mapLayers', () => {
  it('offers the pixels, each block and the last hidden dense layer, and says which are too large', () => {
    expect(mapLayers(DEFAULT_SPEC).map((l) => [l.id, l.layerName, l.size])).toEqual([
      ['pixels', null, 784],
      ['pool1', 'pool1', 2704],
      ['pool2', 'pool2', 800],
      ['dense', 'dense1_relu', 128],
    ]);
    const block = DEFAULT_SPEC.convBlocks[0];
    const noDense: ModelSpec = {
      convBlocks: [
        { ...block, filters: 128, padding: 'same', pool: 'none', activation: 'tanh' },
        { ...block, filters: 8, pool: 'average' },
      ],
      dense: [],
    };
    const layers = mapLayers(noDense);
    expect(layers.map((l) => [l.id, l.layerName, l.unpooled, l.mappable])).toEqual([
      ['pixels', null, false, true],
      ['pool1', 'conv1_tanh', true, false],
      ['pool2', 'pool2', false, true],
    ]);
    expect(layers[1].size).toBe(28 * 28 * 128);
    expect(layers[1].size).toBeGreaterThan(MAX_MAP_FEATURES);
    const twoDense: ModelSpec = { ...DEFAULT_SPEC, dense: [DEFAULT_SPEC.dense[0], { units: 32, activation: 'sigmoid', dropout: 0 }] };
    expect(mapLayers(twoDense).at(-1)).toMatchObject({ id: 'dense', layerName: 'dense2_sigmoid', size: 32 });
  });
});

describe('digit maps of the 1,000 held-out digits (shipped model, seeded UMAP)', () => {
  const layouts = new Map<string, FittedLayout>();
  const accuracy = new Map<string, number>();

  beforeAll(async () => {
    for (const layer of mapLayers(DEFAULT_SPEC)) {
      const rows = layerFeatures(plain, images, layer);
      const fitted = await fitLayout(rows);
      layouts.set(layer.id, fitted);
      accuracy.set(layer.id, neighbourAccuracy(fitted.xy, labels, 5));
    }
    // The middle layers are reported, not asserted.
    console.info(`5-NN accuracy in the 2-D layout: ${[...accuracy].map(([id, a]) => `${id} ${(100 * a).toFixed(1)} %`).join(', ')}`);
  }, 240_000);

  it('separates the classes better at the dense layer than in the pixels, by at least 5 points', () => {
    const pixels = accuracy.get('pixels')!;
    const dense = accuracy.get('dense')!;
    expect(layouts.get('dense')!.xy.length).toBe(2000);
    expect(dense - pixels).toBeGreaterThanOrEqual(0.05);
    for (const a of accuracy.values()) expect(a).toBeGreaterThan(0.5);
  });

  it('gives the same layout for the same seed, and another one for another seed', async () => {
    const layer = mapLayers(DEFAULT_SPEC).find((l) => l.id === 'dense')!;
    const rows = layerFeatures(plain, images, layer);
    const again = await fitLayout(rows);
    expect(Array.from(again.xy)).toEqual(Array.from(layouts.get('dense')!.xy));
    const other = await fitLayout(rows, { settings: { ...DIGIT_MAP_UMAP, seed: 2 } });
    expect(Array.from(other.xy)).not.toEqual(Array.from(again.xy));
  }, 120_000);

  it('places a digit it never saw near digits of its own class', () => {
    const layer = mapLayers(DEFAULT_SPEC).find((l) => l.id === 'dense')!;
    const fitted = layouts.get('dense')!;
    // Training digits (not among the 1,000 fitted), two of each class.
    const { train } = splitIndices(data);
    let right = 0;
    let total = 0;
    for (let d = 0; d < 10; d++) {
      for (const g of train.filter((i) => data.labels[i] === d).slice(0, 2)) {
        const [row] = layerFeatures(plain, digitImage(data, g).data, layer);
        const [x, y] = placeDigit(fitted, row);
        // The 5 fitted points nearest the placed one: most of them share its class.
        const near = Array.from({ length: labels.length }, (_, i) => i)
          .sort((a, b) => Math.hypot(fitted.xy[2 * a] - x, fitted.xy[2 * a + 1] - y) - Math.hypot(fitted.xy[2 * b] - x, fitted.xy[2 * b + 1] - y))
          .slice(0, 5);
        if (near.filter((i) => labels[i] === d).length >= 3) right++;
        total++;
      }
    }
    expect(right).toBeGreaterThanOrEqual(total - 2);
  });

  it('stops a fit when its signal aborts', async () => {
    const layer = mapLayers(DEFAULT_SPEC).find((l) => l.id === 'dense')!;
    const rows = layerFeatures(plain, images, layer);
    const controller = new AbortController();
    let last = 0;
    const fit = fitLayout(rows, {
      signal: controller.signal,
      pause: () => Promise.resolve(),
      onProgress: ({ epoch }) => {
        last = epoch;
        if (epoch === 20) controller.abort();
      },
    });
    await expect(fit).rejects.toMatchObject({ name: 'AbortError' });
    expect(last).toBe(20);
  }, 120_000);
});
