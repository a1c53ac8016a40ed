import { createGrid, type Grid } from './grid';

/**
 * How a value is compared with the firing threshold: `'>'` (strictly greater, the article's
 * text) or `'>='` (at least, the notebook's code).
 */
export type Comparator = '>' | '>=';

/**
 * Whether `value` passes `threshold` under `comparator`.
 * @returns `value > threshold` for `'>'`, `value >= threshold` for `'>='` (false for NaN)
 */
export function passesThreshold(value: number, threshold: number, comparator: Comparator): boolean {
  return comparator === '>' ? value > threshold : value >= threshold;
}

/**
 * Binary map of where a Grid passes a threshold.
 *
 * @param grid any H x W Grid
 * @param threshold the value compared against
 * @param comparator `'>'` or `'>='`
 * @returns `grid`: a new H x W Grid holding 1 where `value comparator threshold`, else 0;
 *   `onCount`: how many cells are 1
 */
export function thresholdGrid(grid: Grid, threshold: number, comparator: Comparator): { grid: Grid; onCount: number } {
  const source = grid.data;
  const fired = new Float32Array(source.length);
  let onCount = 0;
  if (comparator === '>') {
    for (let i = 0; i < source.length; i++) {
      if (source[i] > threshold) {
        fired[i] = 1;
        onCount++;
      }
    }
  } else {
    for (let i = 0; i < source.length; i++) {
      if (source[i] >= threshold) {
        fired[i] = 1;
        onCount++;
      }
    }
  }
  return { grid: createGrid(grid.height, grid.width, fired), onCount };
}
