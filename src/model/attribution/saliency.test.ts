import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGrid, type Grid } from '../../core/grid';
import { readMnist } from '../../data/node';
import { buildModel } from '../build';
import { PlainNetwork } from '../plainForward';
import { DEFAULT_SPEC, type ModelSpec } from '../spec';
import { snapshotWeights } from '../weights';
import { pearson } from './correlationForTests';
import { plainClassScore } from './occlusion';
import { saliency } from './saliency';
import { heldOutDigits, loadShippedModel, shippedPlainNetwork, type LabelledDigit } from './shippedForTests';

let model: tf.LayersModel;
let digits: LabelledDigit[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  model = await loadShippedModel();
  digits = heldOutDigits(readMnist(), 10);
  return () => model.dispose();
});

/** Seeded uniform noise in [0, amplitude) added to every pixel (clipped at 1). */
function withFaintNoise(image: Grid, amplitude: number, seed: number): Grid {
  let s = seed;
  return createGrid(
    image.height,
    image.width,
    Float32Array.from(image.data, (v) => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return Math.min(1, v + (amplitude * s) / 2 ** 31);
    }),
  );
}

/** `score` with pixel `p` of `x` raised by `h` and lowered by `h` (x is left as it was). */
function nudged(score: (x: Float32Array) => number, x: Float32Array, p: number, h: number): { up: number; down: number } {
  const v = x[p];
  x[p] = v + h;
  const up = score(x);
  x[p] = v - h;
  const down = score(x);
  x[p] = v;
  return { up, down };
}

/** `count` pixels spread evenly over the list of pixel indices that pass `keep`. */
function spreadPixels(image: Grid, keep: (value: number, row: number, col: number) => boolean, count: number): number[] {
  const all: number[] = [];
  image.data.forEach((v, p) => {
    if (keep(v, Math.floor(p / image.width), p % image.width)) all.push(p);
  });
  return Array.from({ length: count }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / count)]);
}

/** 10 ink pixels (grey >= 0.5) and 10 background pixels (grey 0) within 2 pixels of the ink's bounding box, spread evenly. */
function inkAndNearBackground(image: Grid): { ink: number[]; background: number[] } {
  const ink = spreadPixels(image, (v) => v >= 0.5, 10);
  const rows = ink.map((p) => Math.floor(p / image.width));
  const cols = ink.map((p) => p % image.width);
  const near = (r: number, c: number) => r >= Math.min(...rows) - 2 && r <= Math.max(...rows) + 2 && c >= Math.min(...cols) - 2 && c <= Math.max(...cols) + 2;
  return { ink, background: spreadPixels(image, (v, r, c) => v === 0 && near(r, c), 10) };
}

describe('saliency', () => {
  // The plain pass computes in float32: its log-probability carries rounding errors of about
  // 1e-6, which a difference quotient over 2h = 5e-4 turns into about 2e-3, a few tenths of
  // a percent of the largest gradient (0.7 and 2.4 here). h must be that small because the
  // score is piecewise smooth: ReLU and max pooling put kinks everywhere, and a step of 1e-2
  // crosses one at many pixels (its difference quotient then misses by 1-3 %). A tolerance
  // of 0.5 % of the largest gradient leaves room for the rounding and none for a wrong
  // pixel, class or score: the logit's gradient, or the map transposed, miss by tens of percent.
  const H = 2.5e-4;
  const TOLERANCE = 0.005;

  it('equals central finite differences of the plain forward pass, on ink and background pixels of a real digit', async () => {
    const plain = shippedPlainNetwork();
    // The 4th held-out 9, which the network gives p = 0.8: its true class has large gradients.
    const digit = digits[93];
    expect(digit.label).toBe(9);
    // A constant background makes ties in max pooling (four equal values), where the score
    // has a kink exactly at the image and a gradient is only one of its one-sided slopes.
    // Faint noise (under 8/255 grey) breaks the ties; the digit looks the same.
    const image = withFaintNoise(digit.image, 0.03, 7);
    const { ink, background } = inkAndNearBackground(digit.image);
    // The true class, and a class the network finds unlikely (p = 0.04).
    for (const classIndex of [9, 4]) {
      const before = tf.memory().numTensors;
      const s = await saliency(model, image, classIndex);
      expect(tf.memory().numTensors).toBe(before);
      const score = plainClassScore(plain, classIndex);
      const x = Float32Array.from(image.data);
      expect(s.logProbability).toBeCloseTo(score(x), 4);
      expect(s.logProbability).toBeLessThan(classIndex === 9 ? -0.1 : -2);
      expect(s.maxAbs).toBe(Math.max(...Array.from(s.gradient.data, Math.abs)));
      for (const p of [...ink, ...background]) {
        const { up, down } = nudged(score, x, p, H);
        const central = (up - down) / (2 * H);
        expect(Math.abs(s.gradient.data[p] - central) / s.maxAbs, `class ${classIndex}, pixel ${p}: ${s.gradient.data[p]} vs ${central}`).toBeLessThan(
          TOLERANCE,
        );
      }
      // Not a vacuous check: some of the background pixels matter to the class.
      expect(Math.max(...background.map((p) => Math.abs(s.gradient.data[p])))).toBeGreaterThan(0.1 * s.maxAbs);
    }
  });

  it('equals finite differences for digits the network is sure of, the surest beyond float32 resolution', async () => {
    const plain = shippedPlainNetwork();
    // The held-out digits by how sure the plain pass is of their true class (1 - p computed in
    // double): the surest (a 2, 1 - p = 1.2e-9, a logit margin of 21) and the median one (a 3,
    // 1 - p = 1.3e-5).
    const ranked = digits
      .map((digit) => ({ digit, logP: plainClassScore(plain, digit.label)(digit.image.data) }))
      .sort((a, b) => b.logP - a.logP)
      .map(({ digit }) => digit);
    // A central difference over 2h = 1e-3, which must agree within 1 % of the largest
    // gradient. The plain pass rounds the logits to float32 and works the log-probability in
    // double from them, ln p_c = -ln(1 + sum of e^(z_j - z_c)): for a sure class, the
    // logits' rounding (a few parts in 1e6 of logits near 20) moves it by a few parts in 1e6
    // of itself, and the gradient has the same small scale, so the quotient misses by up to
    // 0.5 % of the largest gradient (measured: 0.52 % at most). Where a ReLU or a max-pooling
    // choice flips within h of the image (1 of the 40 pixels here), the score's forward and
    // backward slopes differ by 2-7 % of the largest gradient and neither is the gradient:
    // such pixels are left out when the plain pass's two slopes differ by more than 2 %
    // (elsewhere its rounding makes them differ by up to 1 %). Without the written-out
    // gradient of `classLogProbability`, the surest digit's map misses by 10 % of the largest
    // gradient at the median pixel and 66 % at the worst: tfjs's log-softmax takes 1 - p_c as 0.
    const h = 5e-4;
    const KINK = 0.02;
    for (const [rank, digit] of [ranked[0], ranked[50]].entries()) {
      const image = withFaintNoise(digit.image, 0.03, 7);
      const score = plainClassScore(plain, digit.label);
      const x = Float32Array.from(image.data);
      const centre = score(x);
      expect(-centre, `1 - p of the ${rank === 0 ? 'surest' : 'median'} digit`).toBeLessThan(rank === 0 ? 2 ** -24 : 1e-4);
      const before = tf.memory().numTensors;
      const s = await saliency(model, image, digit.label);
      expect(tf.memory().numTensors).toBe(before);
      expect(s.maxAbs).toBeGreaterThan(0);
      const { ink, background } = inkAndNearBackground(digit.image);
      let compared = 0;
      for (const p of [...ink, ...background]) {
        const { up, down } = nudged(score, x, p, h);
        if (Math.abs((up - centre) / h - (centre - down) / h) > KINK * s.maxAbs) continue;
        compared++;
        const central = (up - down) / (2 * h);
        expect(Math.abs(s.gradient.data[p] - central) / s.maxAbs, `digit ${digit.label}, pixel ${p}: ${s.gradient.data[p]} vs ${central}`).toBeLessThan(0.01);
      }
      console.info(
        `saliency of a ${digit.label} with 1 - p = ${(-centre).toExponential(1)}: ${compared} of 20 pixels compared, largest gradient ${s.maxAbs.toExponential(1)}`,
      );
      expect(compared, `digit ${digit.label}: pixels compared`).toBeGreaterThanOrEqual(16);
      // Not a vacuous check: some of the background pixels matter to the class (measured: up
      // to 44 % and 57 % of the largest gradient).
      expect(Math.max(...background.map((p) => Math.abs(s.gradient.data[p])))).toBeGreaterThan(0.1 * s.maxAbs);
    }
  });

  it("equals finite differences on other kinds of layer too: sigmoid, tanh, 'same' padding, strides, average and min pooling", async () => {
    const spec: ModelSpec = {
      convBlocks: [
        { filters: 5, kernelSize: 4, stride: 2, padding: 'same', activation: 'sigmoid', pool: 'average', poolSize: 2 },
        { filters: 3, kernelSize: 5, stride: 1, padding: 'same', activation: 'tanh', pool: 'min', poolSize: 2 },
      ],
      dense: [{ units: 7, activation: 'tanh', dropout: 0.3 }],
    };
    // Weights and biases of +-0.6, larger than a fresh network's, so the class's
    // log-probability moves well above float32 rounding.
    const other = buildModel(spec, { seed: 3 });
    const weights = other.weights.map((w, i) => tf.randomUniform(w.shape as number[], -0.6, 0.6, 'float32', 40 + i));
    other.setWeights(weights);
    tf.dispose(weights);
    const plain = PlainNetwork.create(spec, (await snapshotWeights(other)).weights);
    const image = withFaintNoise(digits[31].image, 0.03, 5);
    const before = tf.memory().numTensors;
    const s = await saliency(other, image, 6);
    expect(tf.memory().numTensors).toBe(before);
    const score = plainClassScore(plain, 6);
    const x = Float32Array.from(image.data);
    // Sigmoid, tanh and average pooling are smooth and only min pooling has kinks, so a
    // longer step keeps float32 rounding far below the tolerance (0.02 % of the largest
    // gradient here, against 0.7 % with the 2.5e-4 step the ReLU network needs).
    const h = 1e-2;
    for (const p of spreadPixels(image, () => true, 40)) {
      const { up, down } = nudged(score, x, p, h);
      const central = (up - down) / (2 * h);
      expect(Math.abs(s.gradient.data[p] - central) / s.maxAbs, `pixel ${p}: ${s.gradient.data[p]} vs ${central}`).toBeLessThan(TOLERANCE);
    }
    other.dispose();
  });

  it('of the trained network is unlike that of the same architecture with random weights', async () => {
    const random = buildModel(DEFAULT_SPEC, { seed: 11 });
    const lines: string[] = [];
    for (const digit of digits.filter((_, i) => i % 20 === 0)) {
      const trained = await saliency(model, digit.image, digit.label);
      const untrained = await saliency(random, digit.image, digit.label);
      // The same measure finds the trained network's saliency of the same digit with faint
      // noise alike: a low correlation is not a property of the measure.
      const noisy = await saliency(model, withFaintNoise(digit.image, 0.03, digit.label + 1), digit.label);
      const unlike = pearson(trained.gradient.data, untrained.gradient.data);
      const alike = pearson(trained.gradient.data, noisy.gradient.data);
      lines.push(`${digit.label}: random ${unlike.toFixed(3)}, noisy ${alike.toFixed(3)}`);
      expect(Math.abs(unlike), `digit ${digit.label}`).toBeLessThan(0.3);
      expect(alike, `digit ${digit.label}`).toBeGreaterThan(0.5);
    }
    console.info(`saliency correlation with the trained network's: ${lines.join('; ')}`);
    random.dispose();
  });

  it('refuses a class the model does not have and an image of another size, leaving no tensors', async () => {
    const before = tf.memory().numTensors;
    await expect(saliency(model, digits[0].image, 10)).rejects.toThrow(RangeError);
    await expect(saliency(model, digits[0].image, -1)).rejects.toThrow(RangeError);
    await expect(saliency(model, createGrid(27, 28), 0)).rejects.toThrow(/28x28/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("rejects with the guard's error when the guard gives up on the read, leaving no tensors", async () => {
    const before = tf.memory().numTensors;
    const giveUp = () => Promise.reject(new Error('context lost'));
    await expect(saliency(model, digits[0].image, 0, giveUp)).rejects.toThrow('context lost');
    expect(tf.memory().numTensors).toBe(before);
  });
});
