import { describe, expect, it } from 'vitest';
import { createGrid, gridFromRows } from './grid';
import { pool2d, poolWindowAt, type PoolOptions } from './pool';
import { poolChoices } from './poolChoices';

const opts = (kind: PoolOptions['kind'], padding: PoolOptions['padding'] = 'valid', size = 2, stride = 2): PoolOptions => ({ kind, size, stride, padding });

describe('poolChoices', () => {
  const grid = gridFromRows([
    [1, 5, 0, -2],
    [3, 2, 7, 7],
    [-1, 0, 4, 9],
    [6, -3, 8, 1],
  ]);

  it('points at the largest and the smallest cell of each 2x2 window', () => {
    expect(Array.from(poolChoices(grid, opts('max')))).toEqual([1, 6, 12, 11]);
    expect(Array.from(poolChoices(grid, opts('min')))).toEqual([0, 3, 13, 15]);
    expect(Array.from(poolChoices(grid, opts('average')))).toEqual([-1, -1, -1, -1]);
  });

  it('picks the first cell in row-major order on ties', () => {
    const flat = createGrid(2, 2, new Float32Array([4, 4, 4, 4]));
    expect(Array.from(poolChoices(flat, opts('max')))).toEqual([0]);
    expect(Array.from(poolChoices(flat, opts('min')))).toEqual([0]);
  });

  it('agrees with poolWindowAt and pool2d on random grids, including zero padding', () => {
    let seed = 11;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    for (let trial = 0; trial < 40; trial++) {
      const h = 2 + (trial % 7);
      const w = 3 + ((trial * 3) % 6);
      const g = createGrid(h, w, Float32Array.from({ length: h * w }, next));
      for (const kind of ['max', 'min'] as const) {
        for (const padding of ['valid', 'same'] as const) {
          const o = opts(kind, padding, 2 + (trial % 2), 2);
          const chosen = poolChoices(g, o);
          const pooled = pool2d(g, o);
          for (let r = 0; r < pooled.height; r++) {
            for (let c = 0; c < pooled.width; c++) {
              const ex = poolWindowAt(g, o, r, c);
              const cell = ex.cells[ex.chosenIndex!];
              const index = chosen[r * pooled.width + c];
              expect(index).toBe(cell.inside ? cell.row * g.width + cell.col : -1);
              expect(index >= 0 ? g.data[index] : 0).toBe(pooled.data[r * pooled.width + c]);
            }
          }
        }
      }
    }
  });
});
