import { describe, expect, it } from 'vitest';
import { readMnist } from '../data/node';
import { digitImage } from '../data/split';
import { augmentDigit, DEFAULT_AUGMENT, morph3x3, randomElasticField, randomInverseAffine, warpAffine } from './augment';
import { createRandom, shuffleInPlace } from './random';

const data = readMnist();
const digits = Array.from({ length: 10 }, (_, d) => digitImage(data, data.classStart[d] + 7).data);
const ink = (image: Float32Array) => image.reduce((a, b) => a + b, 0);

describe('createRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
    expect(createRandom(43)()).not.toBe(values[0]);
  });

  it('shuffles reproducibly, keeping every element', () => {
    const a = shuffleInPlace(
      Int32Array.from({ length: 50 }, (_, i) => i),
      createRandom(1),
    );
    const b = shuffleInPlace(
      Int32Array.from({ length: 50 }, (_, i) => i),
      createRandom(1),
    );
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('augmentDigit', () => {
  it('is deterministic for a seed and different for another seed', () => {
    const run = (seed: number) => {
      const rng = createRandom(seed);
      return digits.map((d) => Array.from(augmentDigit(d, rng)));
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it('keeps values in [0, 1], keeps most of the ink, and leaves the source alone', () => {
    const rng = createRandom(9);
    for (const digit of digits) {
      const before = Array.from(digit);
      for (let k = 0; k < 30; k++) {
        const out = augmentDigit(digit, rng);
        expect(out.every((v) => v >= 0 && v <= 1)).toBe(true);
        const ratio = ink(out) / ink(digit);
        expect(ratio).toBeGreaterThan(0.4);
        expect(ratio).toBeLessThan(3);
      }
      expect(Array.from(digit)).toEqual(before);
    }
  });

  it('writes into the array it is given', () => {
    const out = new Float32Array(784);
    expect(augmentDigit(digits[3], createRandom(1), DEFAULT_AUGMENT, out)).toBe(out);
    expect(ink(out)).toBeGreaterThan(0);
  });

  it('changes nothing when every distortion is off', () => {
    const none = {
      maxShift: 0,
      maxRotationDeg: 0,
      scale: [1, 1],
      aspect: [1, 1],
      maxShear: 0,
      elasticProbability: 0,
      elasticAlpha: 0,
      elasticSigma: 4,
      thickenProbability: 0,
      thinProbability: 0,
    } as const;
    const out = augmentDigit(digits[4], createRandom(2), none);
    out.forEach((v, i) => expect(v).toBeCloseTo(digits[4][i], 5));
  });

  it('draws maps within the configured ranges', () => {
    const rng = createRandom(11);
    for (let k = 0; k < 200; k++) {
      const map = randomInverseAffine(rng);
      expect(Math.abs(map.shiftX)).toBeLessThanOrEqual(DEFAULT_AUGMENT.maxShift);
      const det = map.a * map.d - map.b * map.c;
      // The inverse of a map that scales areas by 0.85^2..1.15^2.
      expect(1 / det).toBeGreaterThan(0.85 ** 2 - 1e-9);
      expect(1 / det).toBeLessThan(1.15 ** 2 + 1e-9);
    }
  });
});

describe('elastic distortion', () => {
  it('draws smooth, reproducible fields of a few pixels', () => {
    const a = randomElasticField(createRandom(4), 34, 4);
    const b = randomElasticField(createRandom(4), 34, 4);
    expect(Array.from(a.dx)).toEqual(Array.from(b.dx));
    const rms = Math.sqrt(a.dx.reduce((acc, v) => acc + v * v, 0) / 784);
    expect(rms).toBeGreaterThan(0.3);
    expect(rms).toBeLessThan(4);
    // Smooth: neighbours move almost together.
    let step = 0;
    for (let i = 0; i < 783; i++) if ((i + 1) % 28) step = Math.max(step, Math.abs(a.dx[i + 1] - a.dx[i]));
    expect(step).toBeLessThan(0.5);
  });

  it('bends a digit reproducibly, keeping values in [0, 1]', () => {
    const elastic = { ...DEFAULT_AUGMENT, elasticProbability: 1 };
    const run = () => Array.from(augmentDigit(digits[2], createRandom(8), elastic));
    const out = run();
    expect(out).toEqual(run());
    expect(out.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(out).not.toEqual(Array.from(augmentDigit(digits[2], createRandom(8), DEFAULT_AUGMENT)));
  });
});

describe('warpAffine and morph3x3', () => {
  it('shifts by whole pixels exactly', () => {
    const out = warpAffine(digits[0], { a: 1, b: 0, c: 0, d: 1, shiftX: 2, shiftY: -1 });
    for (let r = 1; r < 27; r++) {
      for (let c = 2; c < 28; c++) expect(out[(r - 1) * 28 + c]).toBeCloseTo(digits[0][r * 28 + (c - 2)], 6);
    }
  });

  it('thickens and thins strokes', () => {
    const thick = morph3x3(digits[8], 'dilate');
    const thin = morph3x3(digits[8], 'erode');
    digits[8].forEach((v, i) => {
      expect(thick[i]).toBeGreaterThanOrEqual(v);
      expect(thin[i]).toBeLessThanOrEqual(v);
    });
    expect(ink(thick)).toBeGreaterThan(1.3 * ink(digits[8]));
    expect(ink(thin)).toBeLessThan(0.8 * ink(digits[8]));
  });
});
