import { describe, expect, it } from 'vitest';
import { logProbability, softmax, softmaxSteps } from './softmax';

describe('softmax', () => {
  it('works a small example by hand: logits 0 and ln 3 give 1/4 and 3/4', () => {
    const steps = softmaxSteps([0, Math.log(3)]);
    expect(steps.max).toBeCloseTo(Math.log(3), 12);
    expect(steps.exps[1]).toBe(1);
    expect(steps.exps[0]).toBeCloseTo(1 / 3, 12);
    expect(steps.sum).toBeCloseTo(4 / 3, 12);
    expect(steps.probabilities[0]).toBeCloseTo(0.25, 12);
    expect(steps.probabilities[1]).toBeCloseTo(0.75, 12);
  });

  it('sums to 1 and keeps the order of the logits', () => {
    const p = softmax([2.5, -1, 0.3, 7, 7, -30]);
    expect(p).toBeInstanceOf(Float32Array);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(p[3]).toBe(p[4]);
    expect(p[0]).toBeGreaterThan(p[2]);
    expect(p[2]).toBeGreaterThan(p[1]);
    expect(p[1]).toBeGreaterThan(p[5]);
  });

  it('does not overflow on huge logits and is unchanged when every logit moves alike', () => {
    const huge = softmax([1000, 999, 998]);
    expect(Array.from(huge).every(Number.isFinite)).toBe(true);
    const small = softmax([2, 1, 0]);
    huge.forEach((v, i) => expect(v).toBeCloseTo(small[i], 6));
  });

  it('rounds the double-precision probabilities to float32 once', () => {
    const logits = [0.3, -1.7, 2.2, 0.05];
    expect(softmax(logits)).toEqual(Float32Array.from(softmaxSteps(logits).probabilities));
  });

  it('gives NaN, not an error, for a diverged network', () => {
    expect(Array.from(softmax([1, NaN, 2])).every(Number.isNaN)).toBe(true);
    expect(Number.isNaN(softmax([Infinity, 0])[0])).toBe(true);
  });
});

describe('logProbability', () => {
  it('is ln of the softmax probability, worked by hand: logits 0 and ln 3 give ln 1/4 and ln 3/4', () => {
    expect(logProbability([0, Math.log(3)], 0)).toBeCloseTo(Math.log(0.25), 12);
    expect(logProbability([0, Math.log(3)], 1)).toBeCloseTo(Math.log(0.75), 12);
  });

  it('stays finite and exact where the probability itself rounds to 0', () => {
    expect(softmax([0, 200])[0]).toBe(0);
    expect(logProbability([0, 200], 0)).toBeCloseTo(-200, 9);
    expect(logProbability([1000, 999, 998], 0)).toBeCloseTo(logProbability([2, 1, 0], 0), 12);
  });

  it('refuses a class the logits do not have', () => {
    expect(() => logProbability([1, 2], 2)).toThrow(RangeError);
    expect(() => logProbability([1, 2], -1)).toThrow(RangeError);
    expect(() => logProbability([1, 2], 0.5)).toThrow(RangeError);
  });
});
