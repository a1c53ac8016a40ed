import { describe, expect, it } from 'vitest';
import { softmaxWorked } from './softmaxWorked';

describe('softmaxWorked', () => {
  it('works a small example by hand: logits 2, 1, 0', () => {
    const w = softmaxWorked([2, 1, 0], 0);
    expect(w.max).toBe(2);
    expect(w.shifted).toEqual([0, -1, -2]);
    expect(w.exps[0]).toBe(1);
    expect(w.exps[1]).toBeCloseTo(0.367879, 6);
    expect(w.exps[2]).toBeCloseTo(0.135335, 6);
    expect(w.sum).toBeCloseTo(1.503215, 6);
    expect(w.probabilities[0]).toBeCloseTo(0.665241, 6);
    expect(w.probabilities[1]).toBeCloseTo(0.244728, 6);
    expect(w.probabilities[2]).toBeCloseTo(0.090031, 6);
    expect(w.predicted).toBe(0);
    expect(w.loss).toBeCloseTo(0.407606, 6);
    expect(w.loss).toBeCloseTo(-Math.log(w.probabilities[0]), 12);
  });

  it('gives equal probabilities and loss ln(10) for ten equal logits', () => {
    const w = softmaxWorked(new Array(10).fill(3.5), 7);
    w.probabilities.forEach((p) => expect(p).toBeCloseTo(0.1, 12));
    expect(w.sum).toBe(10);
    expect(w.loss).toBeCloseTo(Math.log(10), 12);
  });

  it('does not overflow on huge logits (the max-subtraction step) and keeps a huge loss finite', () => {
    const w = softmaxWorked([1000, 990, -1000], 2);
    expect(Math.exp(1000)).toBe(Infinity);
    expect(w.probabilities[0]).toBeCloseTo(1 / (1 + Math.exp(-10)), 12);
    expect(w.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(w.probabilities[2]).toBe(0);
    expect(w.loss).toBeCloseTo(2000 + Math.log(1 + Math.exp(-10)), 9);
  });

  it('is unchanged when every logit moves by the same amount', () => {
    const a = softmaxWorked([0.3, -1.2, 2.5, 0], 1);
    const b = softmaxWorked([10.3, 8.8, 12.5, 10], 1);
    a.probabilities.forEach((p, i) => expect(b.probabilities[i]).toBeCloseTo(p, 12));
    expect(b.loss).toBeCloseTo(a.loss!, 12);
    expect(b.predicted).toBe(2);
  });

  it('has no loss without a true class, and rejects bad input with a clear message', () => {
    expect(softmaxWorked([1, 2]).loss).toBeNull();
    expect(() => softmaxWorked([])).toThrow(/at least one/);
    expect(() => softmaxWorked([1, NaN])).toThrow(/finite/);
    expect(() => softmaxWorked([1, 2], 2)).toThrow(/from 0 to 1/);
    expect(() => softmaxWorked([1, 2], 0.5)).toThrow(RangeError);
  });
});
