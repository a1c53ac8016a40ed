import { describe, expect, it } from 'vitest';
import { epsilonGrid, gradientSign, maxAbsDifference, perturbAlong, projectedStep } from './adversarial';

describe('adversarial arithmetic', () => {
  it('takes the sign of a gradient, up or down, with 0 where it is 0', () => {
    expect(Array.from(gradientSign([0.3, -1e-9, 0, 2], 1))).toEqual([1, -1, 0, 1]);
    expect(Array.from(gradientSign([0.3, -1e-9, 0, 2], -1))).toEqual([-1, 1, 0, -1]);
  });

  it('moves each pixel by epsilon along the sign and clips to [0, 1]', () => {
    const x = Float32Array.from([0, 0.5, 1, 0.95]);
    const moved = perturbAlong(x, Int8Array.from([1, -1, 1, 1]), 0.1);
    expect(Array.from(moved).map((v) => Number(v.toFixed(6)))).toEqual([0.1, 0.4, 1, 1]);
    expect(Array.from(perturbAlong(x, Int8Array.from([-1, 0, 0, 0]), 0.1))[0]).toBe(0);
    expect(() => perturbAlong(x, Int8Array.from([1]), 0.1)).toThrow(RangeError);
  });

  it('keeps an iterative step within epsilon of the original and in [0, 1]', () => {
    const original = Float32Array.from([0.5, 0.5, 0.02]);
    let x: Float32Array = original;
    for (let k = 0; k < 10; k++) x = projectedStep(x, original, Int8Array.from([1, -1, -1]), 0.04, 0.1);
    expect(Array.from(x).map((v) => Number(v.toFixed(6)))).toEqual([0.6, 0.4, 0]);
    expect(maxAbsDifference(x, original)).toBeLessThanOrEqual(0.1 + 1e-6);
  });

  it('lists the epsilon grid without rounding noise', () => {
    const grid = epsilonGrid(0.01, 0.5);
    expect(grid).toHaveLength(50);
    expect(grid[0]).toBe(0.01);
    expect(grid[6]).toBe(0.07);
    expect(grid.at(-1)).toBe(0.5);
    expect(() => epsilonGrid(0, 1)).toThrow(RangeError);
  });
});
