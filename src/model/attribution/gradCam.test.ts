import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGrid, type Grid } from '../../core/grid';
import { softmaxSteps } from '../../core/softmax';
import { readMnist } from '../../data/node';
import { buildModel } from '../build';
import { DEFAULT_SPEC, layerShapes, type ModelSpec } from '../spec';
import { featureMapPosition, gradCam } from './gradCam';
import { applyLayers, chainLayers, imageBatch, logitsPosition } from './layerChain';
import { pearson } from './correlationForTests';
import { plainClassScore } from './occlusion';
import { heldOutDigits, loadShippedModel, shippedPlainNetwork, type LabelledDigit } from './shippedForTests';

/** One held-out digit of each class. */
let digits: LabelledDigit[];
/** Ten held-out digits of each class. */
let heldOut: LabelledDigit[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  const data = readMnist();
  digits = heldOutDigits(data, 1);
  heldOut = heldOutDigits(data, 10);
});

/** Numbers in [-1, 1) from a seed, for weights and inputs set by hand. */
function numbers(count: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return (2 * s) / 2 ** 31 - 1;
  });
}

// A 6x6 input, conv1: 2 kernels 3x3 'valid' (4x4x2), ReLU, 2x2 max pooling (2x2x2), flatten
// (8), logits: 3 classes, softmax.
const SIDE = 6;
const K = 3;
const MAP = SIDE - K + 1;
const CH = 2;
const CLASSES = 3;
const x = numbers(SIDE * SIDE, 1).map((v) => v + 1);
const kernel = numbers(K * K * CH, 2); // [ky][kx][in = 1][out]
const bias = [0.1, -0.2];
const dense = numbers(4 * CH * CLASSES, 3); // [(r * 2 + c) * CH + k][class]
const denseBias = [0.05, -0.1, 0.2];

function smallNetwork(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ name: 'conv1', inputShape: [SIDE, SIDE, 1], filters: CH, kernelSize: K, padding: 'valid' }),
      tf.layers.activation({ name: 'conv1_relu', activation: 'relu' }),
      tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2, strides: 2 }),
      tf.layers.flatten({ name: 'flatten' }),
      tf.layers.dense({ name: 'logits', units: CLASSES }),
      tf.layers.activation({ name: 'softmax', activation: 'softmax' }),
    ],
  });
  const weights = [tf.tensor4d(kernel, [K, K, 1, CH]), tf.tensor1d(bias), tf.tensor2d(dense, [4 * CH, CLASSES]), tf.tensor1d(denseBias)];
  model.setWeights(weights);
  tf.dispose(weights);
  return model;
}

/** Grad-CAM of `classIndex` for the small network, from its definition, in double precision. */
function gradCamByHand(classIndex: number): { weights: number[]; coarse: number[][]; heatmap: number[][] } {
  // A[r][c][k] = ReLU(bias_k + sum of x * kernel over the 3x3 window)
  const a = Array.from({ length: MAP }, (_, r) =>
    Array.from({ length: MAP }, (_, c) =>
      Array.from({ length: CH }, (_, k) => {
        let sum = bias[k];
        for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) sum += x[(r + i) * SIDE + c + j] * kernel[(i * K + j) * CH + k];
        return Math.max(0, sum);
      }),
    ),
  );
  // Max pooling, remembering where each maximum came from.
  const pooled: number[] = [];
  const from: [number, number][][] = [[], []];
  for (let pr = 0; pr < 2; pr++) {
    for (let pc = 0; pc < 2; pc++) {
      for (let k = 0; k < CH; k++) {
        let best: [number, number] = [2 * pr, 2 * pc];
        for (const [r, c] of [
          [2 * pr, 2 * pc],
          [2 * pr, 2 * pc + 1],
          [2 * pr + 1, 2 * pc],
          [2 * pr + 1, 2 * pc + 1],
        ]) {
          if (a[r][c][k] > a[best[0]][best[1]][k]) best = [r, c];
        }
        pooled.push(a[best[0]][best[1]][k]);
        from[k].push(best);
      }
    }
  }
  const z = denseBias.map((b, j) => pooled.reduce((sum, v, i) => sum + v * dense[i * CLASSES + j], b));
  const top = Math.max(...z);
  const exps = z.map((v) => Math.exp(v - top));
  const p = exps.map((e) => e / exps.reduce((s, v) => s + v, 0));
  // d log p_c / d z_j = [j = c] - p_j; d z_j / d pooled_i = dense[i][j]; the pooled
  // gradient flows to the cell that was the maximum, nowhere else.
  const dPooled = pooled.map((_, i) => z.reduce((sum, _z, j) => sum + ((j === classIndex ? 1 : 0) - p[j]) * dense[i * CLASSES + j], 0));
  const dA = Array.from({ length: MAP }, () => Array.from({ length: MAP }, () => new Array<number>(CH).fill(0)));
  for (let cell = 0; cell < 4; cell++) {
    for (let k = 0; k < CH; k++) {
      const [r, c] = from[k][cell];
      dA[r][c][k] += dPooled[cell * CH + k];
    }
  }
  const weights = Array.from({ length: CH }, (_, k) => dA.flat().reduce((s, g) => s + g[k], 0) / (MAP * MAP));
  const coarse = a.map((row) =>
    row.map((cell) =>
      Math.max(
        0,
        cell.reduce((s, v, k) => s + weights[k] * v, 0),
      ),
    ),
  );
  // Bilinear, pixel centres aligned: output pixel o of 6 sits at source (o + 0.5) x 4/6 - 0.5,
  // held inside [0, 3]: 0 (from -1/6), 0.5, 7/6, 11/6, 2.5, 3 (from 19/6).
  const at = [0, 0.5, 7 / 6, 11 / 6, 2.5, 3];
  const lerp = (u: number, v: number, t: number) => u * (1 - t) + v * t;
  const heatmap = at.map((y) =>
    at.map((xx) => {
      const [y0, x0] = [Math.floor(y), Math.floor(xx)];
      const [y1, x1] = [Math.min(y0 + 1, MAP - 1), Math.min(x0 + 1, MAP - 1)];
      return lerp(lerp(coarse[y0][x0], coarse[y0][x1], xx - x0), lerp(coarse[y1][x0], coarse[y1][x1], xx - x0), y - y0);
    }),
  );
  return { weights, coarse, heatmap };
}

/**
 * Grad-CAM's channel weights for class `classIndex` worked another way: by the chain rule,
 * d(ln p_c)/dA = sum over the other classes j of p_j x d(z_c - z_j)/dA, with each logit's
 * gradient from tfjs (no softmax on its path) and the probabilities in double precision
 * from the logits, so 1 - p_c never has to be formed.
 */
function channelWeightsByChainRule(model: tf.LayersModel, image: Grid, classIndex: number): Float64Array {
  const layers = chainLayers(model);
  const target = featureMapPosition(layers);
  const toLogits = layers.slice(target + 1, logitsPosition(layers) + 1);
  const { logits, means } = tf.tidy(() => {
    const maps = applyLayers(layers.slice(0, target + 1), imageBatch(model, image));
    const logit = (j: number) => (a: tf.Tensor) => applyLayers(toLogits, a).gather([j], 1).reshape([]) as tf.Scalar;
    const z = applyLayers(toLogits, maps).dataSync();
    return { logits: Array.from(z), means: Array.from(z, (_, j) => tf.grad(logit(j))(maps).mean([0, 1, 2]).dataSync()) };
  });
  const p = softmaxSteps(logits).probabilities;
  const weights = new Float64Array(means[classIndex].length);
  p.forEach((pj, j) => {
    if (j !== classIndex) weights.forEach((_, k) => (weights[k] += pj * (means[classIndex][k] - means[j][k])));
  });
  return weights;
}

/** Share of a heatmap's total inside the bounding box of the image's ink (grey >= 0.5) grown by `margin` pixels, and the box's share of the image. */
function shareNearInk(image: Grid, heat: Grid, margin: number): { heat: number; area: number } {
  let [top, bottom, left, right] = [image.height, -1, image.width, -1];
  image.data.forEach((v, p) => {
    if (v < 0.5) return;
    const [r, c] = [Math.floor(p / image.width), p % image.width];
    [top, bottom, left, right] = [Math.min(top, r), Math.max(bottom, r), Math.min(left, c), Math.max(right, c)];
  });
  let inside = 0;
  let total = 0;
  let area = 0;
  heat.data.forEach((v, p) => {
    const [r, c] = [Math.floor(p / heat.width), p % heat.width];
    total += v;
    if (r >= top - margin && r <= bottom + margin && c >= left - margin && c <= right + margin) {
      inside += v;
      area++;
    }
  });
  return { heat: inside / total, area: area / heat.data.length };
}

/** Every kind of network the architecture editor allows, beyond the default. */
const SPECS: Record<string, ModelSpec> = {
  'the default network': DEFAULT_SPEC,
  "sigmoid and tanh, 'same' padding, strides 2 and 3, average and min pooling, two dense layers": {
    convBlocks: [
      { filters: 5, kernelSize: 4, stride: 2, padding: 'same', activation: 'sigmoid', pool: 'average', poolSize: 2 },
      { filters: 3, kernelSize: 5, stride: 3, padding: 'same', activation: 'tanh', pool: 'min', poolSize: 2 },
    ],
    dense: [
      { units: 7, activation: 'tanh', dropout: 0.3 },
      { units: 6, activation: 'sigmoid', dropout: 0 },
    ],
  },
  'three blocks, the last one unpooled, no dense layer': {
    convBlocks: [
      { filters: 4, kernelSize: 1, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 3 },
      { filters: 6, kernelSize: 4, stride: 1, padding: 'same', activation: 'relu', pool: 'max', poolSize: 2 },
      { filters: 2, kernelSize: 2, stride: 1, padding: 'valid', activation: 'tanh', pool: 'none', poolSize: 2 },
    ],
    dense: [],
  },
  'four blocks down to a 1x1 map': {
    convBlocks: [
      { filters: 3, kernelSize: 3, stride: 1, padding: 'same', activation: 'relu', pool: 'max', poolSize: 2 },
      { filters: 3, kernelSize: 3, stride: 1, padding: 'same', activation: 'relu', pool: 'max', poolSize: 2 },
      { filters: 3, kernelSize: 3, stride: 1, padding: 'same', activation: 'relu', pool: 'max', poolSize: 2 },
      { filters: 4, kernelSize: 3, stride: 1, padding: 'valid', activation: 'sigmoid', pool: 'none', poolSize: 2 },
    ],
    dense: [{ units: 8, activation: 'relu', dropout: 0.5 }],
  },
};

describe('gradCam', () => {
  it('equals Grad-CAM worked out from its definition on a small network, for every class', async () => {
    const model = smallNetwork();
    const image = createGrid(SIDE, SIDE, Float32Array.from(x));
    const cams = [];
    for (let classIndex = 0; classIndex < CLASSES; classIndex++) {
      const before = tf.memory().numTensors;
      const cam = await gradCam(model, image, classIndex);
      expect(tf.memory().numTensors).toBe(before);
      expect(cam).not.toBeNull();
      const hand = gradCamByHand(classIndex);
      expect(cam!.layer).toBe('conv1_relu');
      Array.from(cam!.channelWeights).forEach((w, k) => expect(w, `class ${classIndex}, weight ${k}`).toBeCloseTo(hand.weights[k], 5));
      expect([cam!.coarse.height, cam!.coarse.width]).toEqual([MAP, MAP]);
      cam!.coarse.data.forEach((v, i) => expect(v, `class ${classIndex}, coarse ${i}`).toBeCloseTo(hand.coarse[Math.floor(i / MAP)][i % MAP], 5));
      expect([cam!.heatmap.height, cam!.heatmap.width]).toEqual([SIDE, SIDE]);
      cam!.heatmap.data.forEach((v, i) => expect(v, `class ${classIndex}, heatmap ${i}`).toBeCloseTo(hand.heatmap[Math.floor(i / SIDE)][i % SIDE], 5));
      expect(cam!.max).toBeCloseTo(Math.max(...hand.heatmap.flat()), 5);
      cams.push(cam!);
    }
    // Not vacuous: the classes disagree, and the ReLU clips some cells and keeps others.
    const coarse = cams.flatMap((cam) => Array.from(cam.coarse.data));
    expect(coarse.some((v) => v === 0)).toBe(true);
    expect(coarse.filter((v) => v > 0).length).toBeGreaterThan(4);
    expect(cams[0].channelWeights[0]).not.toBeCloseTo(cams[1].channelWeights[0], 3);
    model.dispose();
  });

  for (const [what, spec] of Object.entries(SPECS)) {
    it(`works on ${what}: the last block's activated maps, resized to the digit, leaving no tensors`, async () => {
      const model = buildModel(spec, { seed: 5 });
      const n = spec.convBlocks.length;
      const last = spec.convBlocks[n - 1];
      const shape = layerShapes(spec).find((l) => l.name === `conv${n}_${last.activation}`)!.shape;
      for (const digit of digits.slice(0, 3)) {
        const before = tf.memory().numTensors;
        const cam = await gradCam(model, digit.image, digit.label);
        expect(tf.memory().numTensors).toBe(before);
        expect(cam!.layer).toBe(`conv${n}_${last.activation}`);
        expect(cam!.channelWeights.length).toBe(last.filters);
        expect([cam!.coarse.height, cam!.coarse.width]).toEqual([shape[0], shape[1]]);
        expect([cam!.heatmap.height, cam!.heatmap.width]).toEqual([28, 28]);
        expect(Array.from(cam!.heatmap.data).every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
        expect(cam!.max).toBe(Math.max(...cam!.heatmap.data));
        expect(Array.from(cam!.channelWeights).every(Number.isFinite)).toBe(true);
      }
      model.dispose();
    });
  }

  it("of the trained network, for the digits it is surest of: the chain rule's weights, heat around the ink, unlike random weights", async () => {
    const model = await loadShippedModel();
    const random = buildModel(DEFAULT_SPEC, { seed: 11 });
    const plain = shippedPlainNetwork();
    // The 10 held-out digits of 100 whose true class the plain pass is surest of: 1 - p from
    // 1.2e-9 to 2.5e-7 (computed in double); for the first five it is under 6e-8, where
    // tfjs's own log-softmax gradient rounds 1 - p to 0 and leaves the class's logit out.
    const surest = heldOut
      .map((digit) => ({ digit, logP: plainClassScore(plain, digit.label)(digit.image.data) }))
      .sort((a, b) => b.logP - a.logP)
      .slice(0, 10);
    expect(-surest[0].logP).toBeLessThan(2 ** -24);
    const lines: string[] = [];
    let correlationSum = 0;
    for (const { digit, logP } of surest) {
      const before = tf.memory().numTensors;
      const cam = (await gradCam(model, digit.image, digit.label))!;
      const untrained = (await gradCam(random, digit.image, digit.label))!;
      expect(tf.memory().numTensors).toBe(before);
      const what = `a ${digit.label} with 1 - p = ${(-logP).toExponential(1)}`;
      // The weights equal the chain rule's within 1e-4 of the largest (measured: 8e-7 at
      // most); without the written-out gradient of `classLogProbability`, the surest digit's
      // miss by more than half the largest.
      const expected = channelWeightsByChainRule(model, digit.image, digit.label);
      const largest = Math.max(...expected.map(Math.abs));
      expected.forEach((w, k) => expect(Math.abs(cam.channelWeights[k] - w) / largest, `${what}, channel ${k}`).toBeLessThan(1e-4));
      expect(cam.max, what).toBeGreaterThan(0);
      // Not a speck: measured, 40 to 99 of the 121 cells of the coarse map are above 0.
      expect(cam.coarse.data.filter((v) => v > 0).length, what).toBeGreaterThan(10);
      // More than half the heat lies within 3 px of the ink's bounding box (measured: 54-86 %).
      // A weak check: that box covers 33-80 % of these images, the untrained network's heat
      // lies there too (71-95 %), and the trained network's also marks background where a
      // rival class would put ink.
      const near = shareNearInk(digit.image, cam.heatmap, 3);
      expect(near.heat, what).toBeGreaterThan(0.5);
      // The map comes from the trained weights: its correlation with the untrained network's
      // map of the same digit and class is low (measured: -0.25 to 0.62, mean 0.02).
      const correlation = pearson(cam.heatmap.data, untrained.heatmap.data);
      correlationSum += correlation;
      expect(correlation, what).toBeLessThan(0.8);
      lines.push(`${digit.label}: near ink ${near.heat.toFixed(2)} (box ${near.area.toFixed(2)}), untrained r ${correlation.toFixed(2)}`);
    }
    console.info(`Grad-CAM of the 10 surest digits: ${lines.join('; ')}`);
    expect(correlationSum / surest.length).toBeLessThan(0.3);
    model.dispose();
    random.dispose();
  });

  it('refuses a convolution that no activation layer follows, which no ConvLens model has', async () => {
    // The ReLU inside the convolution layer, pooling right after it: Grad-CAM would have
    // to pick maps ConvLens never shows.
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ name: 'conv1', inputShape: [28, 28, 1], filters: 2, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }),
        tf.layers.flatten({ name: 'flatten' }),
        tf.layers.dense({ name: 'logits', units: 10 }),
        tf.layers.activation({ name: 'softmax', activation: 'softmax' }),
      ],
    });
    const before = tf.memory().numTensors;
    await expect(gradCam(model, digits[0].image, 3)).rejects.toThrow(/`conv1`, is not followed by its activation layer/);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('says "not available" (null) for a network without a convolution, and refuses a class it does not have', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.flatten({ name: 'flatten', inputShape: [28, 28, 1] }),
        tf.layers.dense({ name: 'logits', units: 10 }),
        tf.layers.activation({ name: 'softmax', activation: 'softmax' }),
      ],
    });
    const before = tf.memory().numTensors;
    expect(await gradCam(model, digits[0].image, 3)).toBeNull();
    await expect(gradCam(model, digits[0].image, 10)).rejects.toThrow(RangeError);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it("rejects with the guard's error when the guard gives up on the read, leaving no tensors", async () => {
    const model = buildModel(DEFAULT_SPEC, { seed: 5 });
    const before = tf.memory().numTensors;
    const giveUp = () => Promise.reject(new Error('context lost'));
    await expect(gradCam(model, digits[0].image, 0, giveUp)).rejects.toThrow('context lost');
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
