import { createGrid, MNIST_SIDE, type Grid, type Image28 } from './grid';

/**
 * Turning an ink map of any size into an MNIST-style digit, the way MNIST itself was made:
 * crop the ink, scale it so its longer side is 20 px (keeping the aspect ratio, with
 * anti-aliasing), and place it in a 28x28 field so its centre of mass is at the MNIST centre.
 */

/** Ink values below this are treated as empty paper when looking for the digit. */
export const INK_EPSILON = 0.05;

/** Length, in pixels of the 28x28 image, of the digit's longer side after scaling (MNIST: 20). */
export const DIGIT_BOX = 20;

/**
 * Where the centre of mass of an MNIST digit sits, in pixel-index coordinates (pixel `(r, c)`
 * is at `(r, c)`): row 14, column 14. Measured on the MNIST digits themselves (mean 14.00,
 * every digit within half a pixel), so this is the convention the model was trained on.
 */
export const MNIST_CENTRE = 14;

/** Inclusive pixel-index bounds of the inked part of a Grid. */
export interface BoundingBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** How the digit is moved onto the MNIST centre: by a whole number of pixels, or exactly. */
export type Centring = 'integer' | 'subpixel';

/** Options of {@link toMnistDigit}. */
export interface MnistDigitOptions {
  /**
   * `'subpixel'` (default) moves the digit by fractions of a pixel so its centre of mass
   * lands on (14, 14) itself: the same drawing at any size or position gives the same image,
   * and the result glides instead of jumping by a pixel while the user draws.
   * `'integer'` places the scaled digit on whole-pixel positions, exactly as MNIST did: the
   * centre of mass lands within half a pixel of (14, 14) and an MNIST digit comes back
   * unchanged, but two drawings of one shape may differ by a one-pixel shift.
   */
  readonly centring?: Centring;
  /** Ink threshold for the bounding box; values below it count as empty (default 0.05). */
  readonly epsilon?: number;
}

/**
 * The smallest rectangle holding every value `>= epsilon`.
 *
 * @param grid any H x W Grid (row-major)
 * @param epsilon values below it count as empty (default {@link INK_EPSILON})
 * @returns inclusive pixel-index bounds (`0 <= top <= bottom < H`, `0 <= left <= right < W`),
 *   or `null` when no value reaches `epsilon`
 */
export function boundingBox(grid: Grid, epsilon: number = INK_EPSILON): BoundingBox | null {
  const { data, width, height } = grid;
  let top = -1;
  let bottom = -1;
  let left = width;
  let right = -1;
  for (let r = 0; r < height; r++) {
    const rowStart = r * width;
    let first = -1;
    for (let c = 0; c < width; c++) {
      if (data[rowStart + c] >= epsilon) {
        first = c;
        break;
      }
    }
    if (first < 0) continue;
    if (top < 0) top = r;
    bottom = r;
    if (first < left) left = first;
    // Only the part right of the current right edge can move it.
    for (let c = width - 1; c > right; c--) {
      if (data[rowStart + c] >= epsilon) {
        right = c;
        break;
      }
    }
  }
  return top < 0 ? null : { top, left, bottom, right };
}

/**
 * Intensity-weighted centre of mass, in pixel-index coordinates (pixel `(r, c)` counts as the
 * point `(r, c)`; the middle of a 28x28 image is therefore (13.5, 13.5), and MNIST puts the
 * centre of mass at (14, 14)). Negative values count as 0.
 *
 * @param grid any H x W Grid (row-major) of non-negative weights
 * @returns `{ row, col }` with `0 <= row <= H - 1`, `0 <= col <= W - 1`, or `null` when the
 *   total weight is 0
 */
export function centreOfMass(grid: Grid): { row: number; col: number } | null {
  const { data, width, height } = grid;
  let mass = 0;
  let rowMoment = 0;
  let colMoment = 0;
  for (let r = 0; r < height; r++) {
    const rowStart = r * width;
    let rowMass = 0;
    for (let c = 0; c < width; c++) {
      const v = data[rowStart + c];
      if (v > 0) {
        rowMass += v;
        colMoment += v * c;
      }
    }
    mass += rowMass;
    rowMoment += rowMass * r;
  }
  if (!(mass > 0)) return null;
  return { row: rowMoment / mass, col: colMoment / mass };
}

/**
 * Sparse 1-D resampling weights: output pixel `j` is `sum(weight[k] * in[index[k]])` for `k`
 * in `start[j] .. start[j + 1] - 1`.
 */
interface Taps {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly weight: Float32Array;
}

/**
 * 1-D weights mapping `n` input pixels onto `outSize` output pixels, where input coordinate
 * `x` (pixel edges at integers) lands at output coordinate `offset + scale * x`.
 * Shrinking (`scale <= 1`) averages the input over each output pixel's footprint (box
 * filter, exact area coverage). Enlarging interpolates linearly between input pixel
 * centres (bilinear), weighted by how much of the output pixel the input covers, so the
 * digit's edges stay where the area mapping puts them.
 */
function buildTaps(n: number, scale: number, offset: number, outSize: number): Taps {
  const start = new Int32Array(outSize + 1);
  const index: number[] = [];
  const weight: number[] = [];
  for (let j = 0; j < outSize; j++) {
    start[j] = index.length;
    // The output pixel [j, j + 1) seen in input coordinates, clipped to the input [0, n).
    const a = Math.max(0, (j - offset) / scale);
    const b = Math.min(n, (j + 1 - offset) / scale);
    if (b <= a) continue;
    if (scale <= 1) {
      const last = Math.min(n - 1, Math.ceil(b) - 1);
      for (let c = Math.floor(a); c <= last; c++) {
        const overlap = Math.min(b, c + 1) - Math.max(a, c);
        if (overlap > 0) {
          index.push(c);
          weight.push(overlap * scale);
        }
      }
    } else {
      const coverage = (b - a) * scale;
      const u = Math.min(n - 1, Math.max(0, (a + b) / 2 - 0.5));
      const c0 = Math.floor(u);
      const f = u - c0;
      index.push(c0);
      weight.push((1 - f) * coverage);
      if (f > 0 && c0 + 1 < n) {
        index.push(c0 + 1);
        weight.push(f * coverage);
      }
    }
  }
  start[outSize] = index.length;
  return { start, index: Int32Array.from(index), weight: Float32Array.from(weight) };
}

/**
 * Separable resampling of an `h x w` row-major image into a `size x size` one, columns first
 * then rows; values are clipped to [0, 1].
 */
function resample(src: Float32Array, h: number, w: number, rowTaps: Taps, colTaps: Taps, size: number): Float32Array {
  const rowsNeeded = new Uint8Array(h);
  for (let k = 0; k < rowTaps.index.length; k++) rowsNeeded[rowTaps.index[k]] = 1;

  const tmp = new Float32Array(h * size);
  const { start: cs, index: ci, weight: cw } = colTaps;
  for (let r = 0; r < h; r++) {
    if (!rowsNeeded[r]) continue;
    const inRow = r * w;
    const outRow = r * size;
    for (let j = 0; j < size; j++) {
      let sum = 0;
      for (let k = cs[j]; k < cs[j + 1]; k++) sum += cw[k] * src[inRow + ci[k]];
      tmp[outRow + j] = sum;
    }
  }

  const out = new Float32Array(size * size);
  const { start: rs, index: ri, weight: rw } = rowTaps;
  for (let i = 0; i < size; i++) {
    const outRow = i * size;
    for (let k = rs[i]; k < rs[i + 1]; k++) {
      const wgt = rw[k];
      const tmpRow = ri[k] * size;
      for (let j = 0; j < size; j++) out[outRow + j] += wgt * tmp[tmpRow + j];
    }
    for (let j = 0; j < size; j++) {
      const v = out[outRow + j];
      out[outRow + j] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
  return out;
}

/**
 * Turns an ink map into an MNIST-style digit: crops the ink's bounding box, scales it so its
 * longer side is {@link DIGIT_BOX} (20) pixels keeping the aspect ratio (area averaging when
 * shrinking, bilinear when enlarging; fractional sizes are handled by exact pixel coverage),
 * and places it in a 28x28 field with its intensity-weighted centre of mass at (14, 14)
 * (pixel-index coordinates, as in MNIST): exactly by default, or by whole pixels with
 * `centring: 'integer'`. Runs in about 0.5 ms for a 320x320 input.
 *
 * @param ink H x W Grid (row-major, any size) of ink levels in [0, 1], 1 = ink, 0 = paper;
 *   values below `epsilon` count as paper, values outside [0, 1] are clipped
 * @param options see {@link MnistDigitOptions}
 * @returns a new 28x28 {@link Image28} with values in [0, 1] (white ink on black), or `null`
 *   when the map holds no ink
 */
export function toMnistDigit(ink: Grid, options: MnistDigitOptions = {}): Image28 | null {
  const epsilon = options.epsilon ?? INK_EPSILON;
  const centring = options.centring ?? 'subpixel';
  const box = boundingBox(ink, epsilon);
  if (!box) return null;

  const h = box.bottom - box.top + 1;
  const w = box.right - box.left + 1;
  const crop = new Float32Array(h * w);
  let mass = 0;
  let rowMoment = 0;
  let colMoment = 0;
  for (let r = 0; r < h; r++) {
    const inRow = (box.top + r) * ink.width + box.left;
    let rowMass = 0;
    for (let c = 0; c < w; c++) {
      let v = ink.data[inRow + c];
      if (!(v >= epsilon)) continue; // also drops NaN
      if (v > 1) v = 1;
      crop[r * w + c] = v;
      rowMass += v;
      colMoment += v * c;
    }
    mass += rowMass;
    rowMoment += rowMass * r;
  }

  const scale = DIGIT_BOX / Math.max(h, w);
  // Input pixel centres are at index + 0.5 in edge coordinates; the target centre of mass,
  // pixel 14, spans [14, 15), so its centre is 14.5.
  const target = MNIST_CENTRE + 0.5;
  let rowOffset = target - scale * (rowMoment / mass + 0.5);
  let colOffset = target - scale * (colMoment / mass + 0.5);
  if (centring === 'integer') {
    rowOffset = Math.round(rowOffset);
    colOffset = Math.round(colOffset);
  }

  const render = (ro: number, co: number): Float32Array =>
    resample(crop, h, w, buildTaps(h, scale, ro, MNIST_SIDE), buildTaps(w, scale, co, MNIST_SIDE), MNIST_SIDE);

  let out = render(rowOffset, colOffset);
  if (centring === 'subpixel') {
    // Area averaging moves the discrete centre of mass by a small fraction of a pixel;
    // one corrective pass brings it back onto the centre.
    const com = centreOfMass(createGrid(MNIST_SIDE, MNIST_SIDE, out));
    if (com) {
      const dRow = MNIST_CENTRE - com.row;
      const dCol = MNIST_CENTRE - com.col;
      if (Math.abs(dRow) > 0.01 || Math.abs(dCol) > 0.01) {
        const corrected = render(rowOffset + dRow, colOffset + dCol);
        const after = centreOfMass(createGrid(MNIST_SIDE, MNIST_SIDE, corrected));
        if (after && Math.hypot(MNIST_CENTRE - after.row, MNIST_CENTRE - after.col) < Math.hypot(dRow, dCol)) {
          out = corrected;
        }
      }
    }
  }
  return createGrid(MNIST_SIDE, MNIST_SIDE, out);
}
