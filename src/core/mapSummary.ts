/** A few numbers that describe a map at a glance (and that a test can check), NaN cells left out. */
import type { Grid } from './grid';

export interface MapSummary {
  /** Largest and smallest value (0 and 0 for a map with no value). */
  readonly max: number;
  readonly min: number;
  /** Largest |value|. */
  readonly maxAbs: number;
  /** Row-major index of the first cell with the largest |value| (-1 for a map with no value). */
  readonly maxAbsAt: number;
  /** Sum of the values, in double precision. */
  readonly sum: number;
}

/** The summary of `grid`'s values, NaN cells left out. */
export function summariseMap(grid: Grid): MapSummary {
  let max = -Infinity;
  let min = Infinity;
  let maxAbs = -1;
  let maxAbsAt = -1;
  let sum = 0;
  grid.data.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    max = Math.max(max, v);
    min = Math.min(min, v);
    sum += v;
    if (Math.abs(v) > maxAbs) {
      maxAbs = Math.abs(v);
      maxAbsAt = i;
    }
  });
  return maxAbsAt < 0 ? { max: 0, min: 0, maxAbs: 0, maxAbsAt: -1, sum: 0 } : { max, min, maxAbs, maxAbsAt, sum };
}
