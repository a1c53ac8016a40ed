import { describe, expect, it } from 'vitest';
import { topRows } from './topK';

describe('topRows', () => {
  it('gives the rows of the k largest values of one column, largest first, ties by row', () => {
    // rows of 2: column 1 is 5, 9, 1, 9, 7
    const table = [0, 5, 0, 9, 0, 1, 0, 9, 0, 7];
    expect(topRows(table, 2, 1, 3)).toEqual([1, 3, 4]);
    expect(topRows(table, 2, 1, 9)).toEqual([1, 3, 4, 0, 2]);
    expect(topRows(table, 2, 0, 2)).toEqual([0, 1]);
    expect(topRows(table, 2, 1, 0)).toEqual([]);
  });

  it('agrees with a full sort on random tables and skips NaN', () => {
    let s = 7;
    const values = Array.from({ length: 600 }, () => ((s = (s * 16807) % 2147483647) % 1000) / 10);
    values[5] = NaN;
    for (const col of [0, 1, 2]) {
      const rows = Array.from({ length: 200 }, (_, r) => r).filter((r) => !Number.isNaN(values[r * 3 + col]));
      const sorted = rows.sort((a, b) => values[b * 3 + col] - values[a * 3 + col] || a - b);
      expect(topRows(values, 3, col, 9)).toEqual(sorted.slice(0, 9));
    }
  });

  it('refuses a column outside the rows', () => {
    expect(() => topRows([1, 2], 2, 2, 1)).toThrow(RangeError);
  });
});
