import { createGrid, type Grid } from './grid';

/**
 * How the edge filters see the digit's grey levels (which are in [0, 1]):
 * - `grey255`: whole numbers 0..255, `Math.round(grey * 255)` (the notebook's raw bytes);
 * - `grey01`: the grey levels unchanged, 0..1;
 * - `binary`: 1 where `grey >= cutoff`, else 0 (the article's "white is 1, black is 0").
 */
export type InputScale = { kind: 'grey255' } | { kind: 'grey01' } | { kind: 'binary'; cutoff: number };

/**
 * Rescales an image's grey levels for the edge filters.
 *
 * @param image H x W Grid of grey levels in [0, 1] (the mnist package stores them rounded
 *   to 3 decimals; `Math.round(g * 255)` recovers the original MNIST bytes exactly)
 * @param scale see {@link InputScale}
 * @returns a new H x W Grid: integers 0..255 (grey255), a copy of the grey levels (grey01),
 *   or 0/1 (binary)
 */
export function scaleInput(image: Grid, scale: InputScale): Grid {
  const source = image.data;
  const scaled = new Float32Array(source.length);
  switch (scale.kind) {
    case 'grey255':
      for (let i = 0; i < source.length; i++) scaled[i] = Math.round(source[i] * 255);
      break;
    case 'grey01':
      scaled.set(source);
      break;
    case 'binary': {
      const cutoff = scale.cutoff;
      for (let i = 0; i < source.length; i++) scaled[i] = source[i] >= cutoff ? 1 : 0;
      break;
    }
  }
  return createGrid(image.height, image.width, scaled);
}
