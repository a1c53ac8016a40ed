import { poolOutputSize, poolWindowAt, type PoolOptions } from './pool';
import type { Grid } from './grid';

/**
 * For max and min pooling, which input cell each window chose: for pooled cell (r, c) the
 * row-major index `row * grid.width + col` of the chosen input cell (the first one in
 * row-major order on ties, as {@link poolWindowAt} picks), or -1 when a zero-padding cell
 * won. For average pooling no single cell is chosen: every entry is -1.
 *
 * @param grid H x W Grid
 * @param opts pooling options, as for pool2d
 * @returns Int32Array of poolOutputSize(H) * poolOutputSize(W) entries, row-major
 */
export function poolChoices(grid: Grid, opts: PoolOptions): Int32Array {
  const outH = poolOutputSize(grid.height, opts);
  const outW = poolOutputSize(grid.width, opts);
  const chosen = new Int32Array(outH * outW).fill(-1);
  if (opts.kind === 'average') return chosen;
  for (let r = 0; r < outH; r++) {
    for (let c = 0; c < outW; c++) {
      const { cells, chosenIndex } = poolWindowAt(grid, opts, r, c);
      const cell = cells[chosenIndex!];
      if (cell.inside) chosen[r * outW + c] = cell.row * grid.width + cell.col;
    }
  }
  return chosen;
}
