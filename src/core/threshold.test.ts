import { describe, it, expect } from 'vitest';
import { gridFromRows, gridToRows } from './grid';
import { passesThreshold, thresholdGrid } from './threshold';

describe('passesThreshold', () => {
  it("'>' is strict", () => {
    expect(passesThreshold(3, 2, '>')).toBe(true);
    expect(passesThreshold(2, 2, '>')).toBe(false);
    expect(passesThreshold(1.999, 2, '>')).toBe(false);
    expect(passesThreshold(2.001, 2, '>')).toBe(true);
  });

  it("'>=' includes the threshold itself", () => {
    expect(passesThreshold(3, 2, '>=')).toBe(true);
    expect(passesThreshold(2, 2, '>=')).toBe(true);
    expect(passesThreshold(1.999, 2, '>=')).toBe(false);
  });

  it('never passes NaN', () => {
    expect(passesThreshold(Number.NaN, 2, '>')).toBe(false);
    expect(passesThreshold(Number.NaN, 2, '>=')).toBe(false);
  });
});

describe('thresholdGrid', () => {
  const sums = gridFromRows([
    [-3, 0, 1, 2],
    [2, 2.5, 6, -1],
  ]);

  it("marks cells strictly above the threshold with '>'", () => {
    const { grid, onCount } = thresholdGrid(sums, 2, '>');
    expect(gridToRows(grid)).toEqual([
      [0, 0, 0, 0],
      [0, 1, 1, 0],
    ]);
    expect(onCount).toBe(2);
  });

  it("also marks cells equal to the threshold with '>='", () => {
    const { grid, onCount } = thresholdGrid(sums, 2, '>=');
    expect(gridToRows(grid)).toEqual([
      [0, 0, 0, 1],
      [1, 1, 1, 0],
    ]);
    expect(onCount).toBe(4);
  });

  it('keeps the shape, returns a new grid and leaves the input alone', () => {
    const before = Float32Array.from(sums.data);
    const { grid } = thresholdGrid(sums, 0, '>');
    expect([grid.height, grid.width]).toEqual([2, 4]);
    expect(grid.data).not.toBe(sums.data);
    expect(sums.data).toEqual(before);
  });

  it('agrees with passesThreshold cell by cell', () => {
    for (const comparator of ['>', '>='] as const) {
      for (const threshold of [-3, 0, 1, 2, 6, 7]) {
        const { grid, onCount } = thresholdGrid(sums, threshold, comparator);
        let expectedCount = 0;
        sums.data.forEach((v, i) => {
          const fires = passesThreshold(v, threshold, comparator);
          if (fires) expectedCount++;
          expect(grid.data[i]).toBe(fires ? 1 : 0);
        });
        expect(onCount).toBe(expectedCount);
      }
    }
  });
});
