import { describe, expect, it } from 'vitest';
import { argmax, argmin } from './argmax';

describe('argmax and argmin', () => {
  it('find the largest and the smallest value', () => {
    expect(argmax([0.1, 0.7, 0.2])).toBe(1);
    expect(argmin([0.1, 0.7, 0.2])).toBe(0);
    expect(argmax(new Float32Array([-3, -1, -2]))).toBe(1);
    expect(argmin(new Float32Array([-3, -1, -4]))).toBe(2);
  });

  it('take the first one on ties', () => {
    expect(argmax([1, 5, 5, 2])).toBe(1);
    expect(argmin([4, 1, 1, 1])).toBe(1);
    expect(argmax(new Float32Array(10))).toBe(0);
    // -0 and 0 are equal: the first one stays.
    expect(argmax([-0, 0])).toBe(0);
    expect(argmin([0, -0])).toBe(0);
  });

  it('give -1 for no values', () => {
    expect(argmax([])).toBe(-1);
    expect(argmin(new Float32Array(0))).toBe(-1);
    expect(argmax([1, 2, 3], 2, 2)).toBe(-1);
  });

  it('search a range and count from the start of the array', () => {
    const rows = [0.1, 0.7, 0.2, 0.9, 0.05, 0.05];
    expect(argmax(rows, 0, 3)).toBe(1);
    expect(argmax(rows, 3, 6)).toBe(3);
    expect(argmin(rows, 3, 6)).toBe(4);
    expect(argmax(rows, 2)).toBe(3);
  });

  it('never let a NaN win or lose', () => {
    expect(argmax([1, NaN, 3])).toBe(2);
    expect(argmin([1, NaN, 0])).toBe(2);
    expect(argmax([NaN, 3, 4])).toBe(0);
  });

  it('reject a range outside the values', () => {
    expect(() => argmax([1, 2], 0, 3)).toThrow(/0\.\.3 is not a range of 2 values/);
    expect(() => argmin([1, 2], -1)).toThrow(RangeError);
    expect(() => argmax([1, 2], 0.5)).toThrow(RangeError);
  });
});
