import { describe, expect, it } from 'vitest';
import { learningRateAt } from './learningRate';

describe('learningRateAt', () => {
  it('keeps a constant rate constant', () => {
    const plan = { schedule: 'constant', learningRate: 0.01, finalLearningRateFactor: 0.1 } as const;
    for (const progress of [0, 0.3, 0.5, 1]) expect(learningRateAt(plan, progress)).toBe(0.01);
  });

  it('lowers a cosine rate from the first rate to its final fraction, halfway at half the run', () => {
    const plan = { schedule: 'cosine', learningRate: 0.002, finalLearningRateFactor: 0.02 } as const;
    const floor = 0.002 * 0.02;
    expect(learningRateAt(plan, 0)).toBeCloseTo(0.002, 12);
    expect(learningRateAt(plan, 1)).toBeCloseTo(floor, 12);
    expect(learningRateAt(plan, 0.5)).toBeCloseTo((0.002 + floor) / 2, 12);
    // A quarter of the way, the cosine has fallen by (1 - cos 45°) / 2 of the range, about 15%.
    expect(learningRateAt(plan, 0.25)).toBeCloseTo(floor + ((0.002 - floor) * (1 + Math.SQRT1_2)) / 2, 12);
    const rates = Array.from({ length: 21 }, (_, i) => learningRateAt(plan, i / 20));
    rates.slice(1).forEach((rate, i) => expect(rate).toBeLessThan(rates[i]));
  });
});
