import { gridFromRows, type Grid } from './grid';

/** A named kernel: `id` is stable (for state and URLs), `name` is shown to the reader. */
export interface FilterPreset {
  id: string;
  name: string;
  /** The kernel weights, a row-major Grid (3x3 for every preset here). */
  kernel: Grid;
}

function preset(id: string, name: string, rows: readonly (readonly number[])[]): FilterPreset {
  return Object.freeze({ id, name, kernel: gridFromRows(rows) });
}

/**
 * The article's four 3x3 edge filters, each the previous one "turned by 90 degrees", in the
 * article's order: diagonal ("\"), anti-diagonal ("/"), horizontal, vertical. Weights are
 * 2 on the line and -1 elsewhere, so every kernel sums to 0 (a uniform patch gives no response). The horizontal filter is the
 * corrected one (the article printed the vertical filter twice; see
 * {@link ARTICLE_PRINTED_FILTER_3}).
 */
export const ARTICLE_FILTERS: readonly FilterPreset[] = Object.freeze([
  preset('diagonal', 'Diagonal edges (\\)', [
    [2, -1, -1],
    [-1, 2, -1],
    [-1, -1, 2],
  ]),
  preset('anti-diagonal', 'Anti-diagonal edges (/)', [
    [-1, -1, 2],
    [-1, 2, -1],
    [2, -1, -1],
  ]),
  preset('horizontal', 'Horizontal edges (—)', [
    [-1, -1, -1],
    [2, 2, 2],
    [-1, -1, -1],
  ]),
  preset('vertical', 'Vertical edges (|)', [
    [-1, 2, -1],
    [-1, 2, -1],
    [-1, 2, -1],
  ]),
]);

/**
 * Filter 3 exactly as the article printed it: a copy of the vertical filter, although the
 * text calls it horizontal. Kept only for the on-screen note about the misprint; ConvLens
 * computes with the corrected horizontal filter of {@link ARTICLE_FILTERS}.
 */
export const ARTICLE_PRINTED_FILTER_3: Grid = gridFromRows([
  [-1, 2, -1],
  [-1, 2, -1],
  [-1, 2, -1],
]);

/**
 * Classic 3x3 image-processing kernels, for comparison with the article's filters:
 * Sobel x (responds to left-to-right brightness change, i.e. vertical edges), Sobel y
 * (top-to-bottom change, horizontal edges), the 4-neighbour Laplacian, a box blur
 * (all 1/9) and a sharpen kernel.
 */
export const CLASSIC_FILTERS: readonly FilterPreset[] = Object.freeze([
  preset('sobel-x', 'Sobel x (vertical edges)', [
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ]),
  preset('sobel-y', 'Sobel y (horizontal edges)', [
    [-1, -2, -1],
    [0, 0, 0],
    [1, 2, 1],
  ]),
  preset('laplacian', 'Laplacian (4-neighbour)', [
    [0, 1, 0],
    [1, -4, 1],
    [0, 1, 0],
  ]),
  preset('box-blur', 'Box blur (average of 9)', [
    [1 / 9, 1 / 9, 1 / 9],
    [1 / 9, 1 / 9, 1 / 9],
    [1 / 9, 1 / 9, 1 / 9],
  ]),
  preset('sharpen', 'Sharpen', [
    [0, -1, 0],
    [-1, 5, -1],
    [0, -1, 0],
  ]),
]);
