import { createGrid, type Grid } from './grid';

/**
 * Turning an RGBA bitmap (a drawing, a photo, a PNG with transparency) into an ink map:
 * 1 where the pen went, 0 on the paper, whatever the colours of pen and paper were.
 */

/** What the picture's background is: found from the picture (`'auto'`) or given. */
export type InkBackground = 'auto' | 'dark' | 'light';

/** Options of {@link rgbaToInk}. */
export interface InkOptions {
  /** `'light'`: dark ink on light paper (inverted); `'dark'`: light ink on dark paper. Default `'auto'`. */
  readonly background?: InkBackground;
}

/** Result of {@link rgbaToInk}. */
export interface InkResult {
  /** H x W Grid (row-major) of ink levels in [0, 1]: 0 = background, 1 = strongest ink. */
  readonly ink: Grid;
  /** True when the picture was dark on light and its grey levels were flipped. */
  readonly inverted: boolean;
}

/**
 * Below this difference between the background and the strongest ink (on a 0..1 scale,
 * about 15 of 255 grey levels) the picture is taken to be blank and no ink is returned,
 * rather than stretching noise into strokes.
 */
export const MIN_INK_CONTRAST = 0.06;

const BINS = 1024;

/** Rec. 601 luma of 8-bit R, G, B, on a 0..1 scale. */
function luma(r: number, g: number, b: number): number {
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}

/** Index of every pixel on the picture's outer edge, each once. */
function borderIndices(width: number, height: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < width; c++) out.push(c);
  if (height > 1) for (let c = 0; c < width; c++) out.push((height - 1) * width + c);
  for (let r = 1; r < height - 1; r++) {
    out.push(r * width);
    if (width > 1) out.push(r * width + width - 1);
  }
  return out;
}

/** A 0..1 value's histogram bin (values are clipped); bin `k` stands for `k / (BINS - 1)`. */
function bin(v: number): number {
  const k = Math.round(v * (BINS - 1));
  return k < 0 ? 0 : k > BINS - 1 ? BINS - 1 : k;
}

/** Exact median of the values picked by `indices` (the upper one for an even count). */
function medianOf(values: Float32Array, indices: readonly number[]): number {
  const picked = Float32Array.from(indices, (i) => values[i]).sort();
  return picked[picked.length >> 1];
}

/**
 * About the `rank`-th largest of 0..1 values (rank 1 = the largest): the largest value in
 * the histogram bin that holds it. Setting the very brightest few pixels aside keeps a speck
 * of dust from setting the ink level.
 */
function nthLargest(values: Float32Array, rank: number): number {
  const hist = new Uint32Array(BINS);
  for (let i = 0; i < values.length; i++) hist[bin(values[i])]++;
  let seen = 0;
  let k = BINS - 1;
  for (; k > 0; k--) {
    seen += hist[k];
    if (seen >= rank) break;
  }
  const limit = (k + 0.5) / (BINS - 1); // bin(v) <= k exactly when v < limit
  let best = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > best && v < limit) best = v;
  }
  return best;
}

/** Deviations from the background smaller than this are taken as noise when judging polarity. */
const POLARITY_NOISE = 0.05;

/**
 * Whether the picture is dark ink on lighter paper: the pixels that stand out from the edge's
 * median grey level do so mostly by being darker. This also reads a dim photo of pencil on
 * paper (paper darker than mid-grey) correctly. A picture where nothing stands out falls back
 * to "the edge is light".
 */
function isDarkOnLight(values: Float32Array, border: readonly number[]): boolean {
  const paper = medianOf(values, border);
  let darker = 0;
  let lighter = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - paper;
    if (d > POLARITY_NOISE) lighter += d - POLARITY_NOISE;
    else if (d < -POLARITY_NOISE) darker += -d - POLARITY_NOISE;
  }
  return darker === lighter ? paper > 0.5 : darker > lighter;
}

/**
 * Picks the colour that transparent pixels are shown on (0 = black, 1 = white) in `'auto'`
 * mode. With a mostly transparent edge, the visible content is whatever is opaque, so the
 * backdrop is the opposite of that content: black strokes on a transparent background are
 * composed over white, white strokes over black. With an opaque edge, transparent holes
 * take the edge's colour.
 */
function autoBackdrop(lum: Float32Array, alpha: Float32Array, border: readonly number[]): number {
  let transparent = 0;
  const opaqueBorder: number[] = [];
  for (const i of border) {
    if (alpha[i] < 0.5) transparent++;
    else opaqueBorder.push(i);
  }
  if (transparent * 2 > border.length) {
    let weight = 0;
    let sum = 0;
    for (let i = 0; i < lum.length; i++) {
      weight += alpha[i];
      sum += alpha[i] * lum[i];
    }
    if (weight === 0) return 0; // fully transparent: nothing to see
    return sum / weight < 0.5 ? 1 : 0;
  }
  return medianOf(lum, opaqueBorder) > 0.5 ? 1 : 0;
}

/**
 * Turns an RGBA bitmap into an ink map (1 = ink, 0 = background).
 *
 * Steps: transparent pixels are composed over a backdrop (white when the visible content is
 * dark on light or dark strokes sit on transparency, black otherwise); grey level is Rec. 601
 * luma; a picture is dark on light, and is inverted, when the pixels that differ from the
 * median grey of its edge are mostly darker than it (if none differ: when that edge grey is
 * above 0.5); finally the contrast is stretched so the background level (median of the
 * edge) maps to 0 and the strongest ink (the brightest value once the top 0.1 % of pixels are
 * set aside) maps to 1. A picture with less than {@link MIN_INK_CONTRAST} between the two
 * gives an all-zero map.
 *
 * @param rgba `width * height * 4` bytes, RGBA, row-major, unpremultiplied (as from canvas
 *   `getImageData`)
 * @param width picture width in pixels (integer >= 0)
 * @param height picture height in pixels (integer >= 0)
 * @param options `background`: `'auto'` (default) decides from the picture; `'light'` or
 *   `'dark'` force it
 * @returns `ink`: a new height x width Grid (row-major) of values in [0, 1];
 *   `inverted`: whether dark-on-light grey levels were flipped
 * @throws RangeError when the size is invalid or `rgba.length !== width * height * 4`
 */
export function rgbaToInk(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, options: InkOptions = {}): InkResult {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError(`Invalid bitmap size ${width}x${height}`);
  }
  const n = width * height;
  if (rgba.length !== n * 4) {
    throw new RangeError(`RGBA data has ${rgba.length} bytes, expected ${width}x${height}x4 = ${n * 4}`);
  }
  const values = new Float32Array(n);
  if (n === 0) return { ink: createGrid(height, width, values), inverted: false };

  const lum = new Float32Array(n);
  const alpha = new Float32Array(n);
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    lum[i] = luma(rgba[p], rgba[p + 1], rgba[p + 2]);
    alpha[i] = rgba[p + 3] / 255;
  }

  const border = borderIndices(width, height);
  const mode = options.background ?? 'auto';
  const backdrop = mode === 'light' ? 1 : mode === 'dark' ? 0 : autoBackdrop(lum, alpha, border);

  for (let i = 0; i < n; i++) values[i] = alpha[i] * lum[i] + (1 - alpha[i]) * backdrop;
  const inverted = mode === 'light' ? true : mode === 'dark' ? false : isDarkOnLight(values, border);
  if (inverted) for (let i = 0; i < n; i++) values[i] = 1 - values[i];

  const background = medianOf(values, border);
  const strongest = nthLargest(values, Math.max(1, Math.floor(n / 1000)));
  const range = strongest - background;
  if (range < MIN_INK_CONTRAST) {
    values.fill(0);
  } else {
    for (let i = 0; i < n; i++) {
      const v = (values[i] - background) / range;
      values[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
  return { ink: createGrid(height, width, values), inverted };
}
