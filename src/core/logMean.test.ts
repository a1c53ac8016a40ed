import { describe, expect, it } from 'vitest';
import { logMean } from './logMean';

describe('logMean', () => {
  it('is the geometric mean of the positive values', () => {
    expect(logMean([1e-4, 1e-2])).toBeCloseTo(1e-3, 12);
    expect(logMean([2, 8])).toBeCloseTo(4, 12);
    expect(logMean([5])).toBeCloseTo(5, 12);
  });

  it('leaves out zeros and negatives, and is NaN without a positive value', () => {
    expect(logMean([0, 4, -1, 9])).toBeCloseTo(6, 12);
    expect(logMean([])).toBeNaN();
    expect(logMean([0, -2])).toBeNaN();
  });
});
