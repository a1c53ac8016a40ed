import { describe, expect, it } from 'vitest';
import { cropGrid, gridFromRows, gridToRows } from './grid';

describe('cropGrid', () => {
  const grid = gridFromRows([
    [1, 2, 3, 4],
    [5, 6, 7, 8],
    [9, 10, 11, 12],
  ]);

  it('copies the rectangle asked for', () => {
    expect(gridToRows(cropGrid(grid, 1, 1, 2, 2))).toEqual([
      [6, 7],
      [10, 11],
    ]);
  });

  it('clips a rectangle that reaches past the edges', () => {
    expect(gridToRows(cropGrid(grid, -1, 2, 3, 5))).toEqual([
      [3, 4],
      [7, 8],
    ]);
    expect(cropGrid(grid, 5, 0, 2, 2).data.length).toBe(0);
  });
});
