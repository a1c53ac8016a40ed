import { describe, expect, it } from 'vitest';
import { softmax, softmaxSteps } from './softmax';

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
