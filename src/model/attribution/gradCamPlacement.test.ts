import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../../data/node';
import { buildModel } from '../build';
import { DEFAULT_SPEC, type ModelSpec } from '../spec';
import { gradCam } from './gradCam';
import { opsToLayer, placeLayerMap } from './gradCamPlacement';
import { heldOutDigits, loadShippedModel, type LabelledDigit } from './shippedForTests';

let digits: LabelledDigit[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  digits = heldOutDigits(readMnist(), 1);
});

/** 28 -> conv 3x3 valid -> 26 -> max pool 3 -> 8 (conv1 rows 24, 25 dropped) -> conv 3x3 valid -> 6. */
const FLOOR_SPEC: ModelSpec = {
  convBlocks: [
    { filters: 4, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 3 },
    { filters: 3, kernelSize: 3, stride: 1, padding: 'valid', activation: 'tanh', pool: 'none', poolSize: 2 },
  ],
  dense: [],
};

describe('placeLayerMap', () => {
  it("lays the shipped network's Grad-CAM over every pixel of the digit, within the coarse map's range", async () => {
    const model = await loadShippedModel();
    const digit = digits[4];
    const before = tf.memory().numTensors;
    const cam = (await gradCam(model, digit.image, digit.label))!;
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    const placed = placeLayerMap(DEFAULT_SPEC, cam.layer, cam.coarse);
    expect([placed.height, placed.width]).toEqual([28, 28]);
    const coarseMax = Math.max(...cam.coarse.data);
    expect(coarseMax).toBeGreaterThan(0);
    expect(placed.data.every((v) => Number.isFinite(v) && v >= 0 && v <= coarseMax * (1 + 1e-6))).toBe(true);
    // Cell (i, j) of conv2_relu (11x11) sees input pixels 2i..2i+7: its centre is 2i + 3.5. Pixel
    // 2i + 4 lies a quarter of the way from it to cell i + 1's centre. Checked at the hottest cell.
    const hottest = cam.coarse.data.indexOf(coarseMax);
    const i = Math.min(Math.floor(hottest / 11), 9);
    const j = Math.min(hottest % 11, 9);
    const at = (r: number, c: number) => cam.coarse.data[r * 11 + c];
    const expected = 0.75 * (0.75 * at(i, j) + 0.25 * at(i, j + 1)) + 0.25 * (0.75 * at(i + 1, j) + 0.25 * at(i + 1, j + 1));
    expect(expected).toBeGreaterThan(0);
    expect(placed.data[(2 * i + 4) * 28 + 2 * j + 4]).toBeCloseTo(expected, 5);
    // A plain stretch of 11 cells to 28 pixels would centre cell i at pixel (i + 0.5) x 28 / 11 - 0.5 instead.
  });

  it('gives no heat to the pixels a floor pooling dropped, on a network built with that geometry', async () => {
    const model = buildModel(FLOOR_SPEC, { seed: 3 });
    const cam = (await gradCam(model, digits[7].image, digits[7].label))!;
    model.dispose();
    expect(cam.layer).toBe('conv2_tanh');
    expect([cam.coarse.height, cam.coarse.width]).toEqual([6, 6]);
    const placed = placeLayerMap(FLOOR_SPEC, cam.layer, cam.coarse);
    for (let r = 0; r < 28; r++) {
      for (let c = 0; c < 28; c++) {
        const dropped = r >= 26 || c >= 26;
        expect(Number.isNaN(placed.data[r * 28 + c]), `pixel (${r}, ${c})`).toBe(dropped);
      }
    }
    expect(() => opsToLayer(FLOOR_SPEC, 'conv3_relu')).toThrow();
  });
});
