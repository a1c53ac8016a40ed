import { describe, expect, it } from 'vitest';
import { createGrid } from './grid';
import { summariseMap } from './mapSummary';

describe('summariseMap', () => {
  it('gives the largest, smallest, largest |value| with its place, and the sum, leaving NaN cells out', () => {
    const grid = createGrid(2, 3, Float32Array.from([0.5, NaN, -3, 2, NaN, 1]));
    expect(summariseMap(grid)).toEqual({ max: 2, min: -3, maxAbs: 3, maxAbsAt: 2, sum: 0.5 });
  });

  it('summarises a map with no value as zeros, with no place', () => {
    expect(summariseMap(createGrid(2, 2, new Float32Array(4).fill(NaN)))).toEqual({ max: 0, min: 0, maxAbs: 0, maxAbsAt: -1, sum: 0 });
  });
});
