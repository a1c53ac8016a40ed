import { describe, expect, it } from 'vitest';
import { argmaxRows, confusionMatrix } from './confusion';

describe('confusionMatrix', () => {
  it('counts each (true, predicted) pair and remembers which examples fell where', () => {
    const truth = [0, 0, 1, 1, 1, 2, 2];
    const pred = [0, 1, 1, 1, 2, 2, 0];
    const m = confusionMatrix(truth, pred, 3);
    expect(Array.from(m.counts)).toEqual([1, 1, 0, 0, 2, 1, 1, 0, 1]);
    expect(m.members[0 * 3 + 1]).toEqual([1]);
    expect(m.members[1 * 3 + 1]).toEqual([2, 3]);
    expect(m.members[2 * 3 + 0]).toEqual([6]);
    expect(m.correct).toBe(4);
    expect(m.total).toBe(7);
    expect(m.counts.reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('rejects mismatched lengths and labels out of range', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(/2 true labels but 1/);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/label 3 at position 1/);
    expect(() => confusionMatrix([0], [0.5], 3)).toThrow(RangeError);
  });
});

describe('argmaxRows', () => {
  it('takes the largest score of each row, the first on ties', () => {
    expect(Array.from(argmaxRows([0.1, 0.7, 0.2, 0.5, 0.5, 0, 0, 0, 1], 3))).toEqual([1, 0, 2]);
    expect(() => argmaxRows([1, 2, 3, 4], 3)).toThrow(/whole rows/);
  });
});
