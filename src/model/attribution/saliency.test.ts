import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGrid, type Grid } from '../../core/grid';
import { readMnist } from '../../data/node';
import { buildModel } from '../build';
import { PlainNetwork } from '../plainForward';
import { DEFAULT_SPEC, type ModelSpec } from '../spec';
import { snapshotWeights } from '../weights';
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

/** `count` pixels spread evenly over the list of pixel indices that pass `keep`. */
function spreadPixels(image: Grid, keep: (value: number, row: number, col: number) => boolean, count: number): number[] {
  const all: number[] = [];
  image.data.forEach((v, p) => {
    if (keep(v, Math.floor(p / image.width), p % image.width)) all.push(p);
  });
  return Array.from({ length: count }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / count)]);
}

function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
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
    const ink = spreadPixels(digit.image, (v) => v >= 0.5, 10);
    const rows = ink.map((p) => Math.floor(p / 28));
    const cols = ink.map((p) => p % 28);
    const near = (r: number, c: number) => r >= Math.min(...rows) - 2 && r <= Math.max(...rows) + 2 && c >= Math.min(...cols) - 2 && c <= Math.max(...cols) + 2;
    const background = spreadPixels(digit.image, (v, r, c) => v === 0 && near(r, c), 10);
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
        const v = x[p];
        x[p] = v + H;
        const up = score(x);
        x[p] = v - H;
        const down = score(x);
        x[p] = v;
        const central = (up - down) / (2 * H);
        expect(Math.abs(s.gradient.data[p] - central) / s.maxAbs, `class ${classIndex}, pixel ${p}: ${s.gradient.data[p]} vs ${central}`).toBeLessThan(
          TOLERANCE,
        );
      }
      // Not a vacuous check: some of the background pixels matter to the class.
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
      const v = x[p];
      x[p] = v + h;
      const up = score(x);
      x[p] = v - h;
      const down = score(x);
      x[p] = v;
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
