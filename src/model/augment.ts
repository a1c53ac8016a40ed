import { convolveMaps } from '../core/convolve';
import { MNIST_SIDE } from '../core/grid';
import { uniform, type Random } from './random';

/**
 * Random distortions of 28x28 grey digits (row-major Float32Array of 784 values in [0, 1],
 * white ink on black) that make a model trained on MNIST cope with digits drawn on a pad:
 * other positions, angles, sizes, slants and stroke widths. Pure functions on typed arrays
 * (no tfjs), driven by a seeded {@link Random}, so they run and test in node.
 */
export interface AugmentOptions {
  /** Largest shift along each axis, in pixels. */
  readonly maxShift: number;
  /** Largest rotation either way, in degrees. */
  readonly maxRotationDeg: number;
  /** Range of the overall scale factor. */
  readonly scale: readonly [number, number];
  /** Range of the width / height ratio change (1 = none). */
  readonly aspect: readonly [number, number];
  /** Largest horizontal shear (slant), as the tangent of the slant angle. */
  readonly maxShear: number;
  /**
   * Probability of an elastic distortion (Simard et al. 2003): every pixel moves by a
   * smooth random displacement field, which bends strokes the way writers differ.
   */
  readonly elasticProbability: number;
  /** Strength of the elastic field (Simard's alpha; about alpha / 25 px of typical displacement at sigma 4). */
  readonly elasticAlpha: number;
  /** Smoothness of the elastic field: the Gaussian's standard deviation, in pixels. */
  readonly elasticSigma: number;
  /** Probability of thickening the strokes (grey dilation). */
  readonly thickenProbability: number;
  /**
   * Probability of thinning the strokes (grey erosion); exclusive with thickening. Skipped
   * when it would remove more than half the ink (thin strokes would break apart).
   */
  readonly thinProbability: number;
}

/** The distortions used to train the shipped model. */
export const DEFAULT_AUGMENT: AugmentOptions = Object.freeze({
  maxShift: 2.5,
  maxRotationDeg: 15,
  scale: [0.85, 1.15] as const,
  aspect: [0.85, 1.15] as const,
  maxShear: 0.3,
  // Off: within the ~30 minutes `npm run train` has here it slowed learning more than it helped.
  elasticProbability: 0,
  elasticAlpha: 34,
  elasticSigma: 4,
  thickenProbability: 0.25,
  thinProbability: 0.15,
});

const SIDE = MNIST_SIDE;
const PIXELS = SIDE * SIDE;
const CENTRE = (SIDE - 1) / 2;

/**
 * An affine map from output pixel to source pixel, both as (column, row) about the image
 * centre: source = M * (output - centre - shift) + centre, with M = [[a, b], [c, d]].
 */
export interface InverseAffine {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly shiftX: number;
  readonly shiftY: number;
}

/** A displacement per output pixel, in pixels (784 values each, row-major). */
export interface DisplacementField {
  readonly dx: Float32Array;
  readonly dy: Float32Array;
}

/**
 * Resamples `src` through an affine map with bilinear interpolation, after moving each
 * output pixel by `field` when given; source positions outside the image read as 0
 * (background). Writes into `out` (784 values) and returns it.
 */
export function warpAffine(src: Float32Array, map: InverseAffine, out = new Float32Array(PIXELS), field: DisplacementField | null = null): Float32Array {
  const { a, b, c, d, shiftX, shiftY } = map;
  const at = (r: number, col: number) => (r >= 0 && r < SIDE && col >= 0 && col < SIDE ? src[r * SIDE + col] : 0);
  for (let row = 0; row < SIDE; row++) {
    for (let col = 0; col < SIDE; col++) {
      const i = row * SIDE + col;
      const dx = col - CENTRE - shiftX + (field ? field.dx[i] : 0);
      const dy = row - CENTRE - shiftY + (field ? field.dy[i] : 0);
      const x = a * dx + b * dy + CENTRE;
      const y = c * dx + d * dy + CENTRE;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      const top = at(y0, x0) * (1 - fx) + at(y0, x0 + 1) * fx;
      const bottom = at(y0 + 1, x0) * (1 - fx) + at(y0 + 1, x0 + 1) * fx;
      out[i] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

/**
 * Grey morphology with a 3x3 cross (the pixel and its 4 neighbours): `'dilate'` takes the
 * maximum (thicker strokes, about +1 px each side), `'erode'` the minimum (thinner).
 * Pixels outside the image count as 0. Writes into `out` (must not be `src`).
 */
export function morph3x3(src: Float32Array, op: 'dilate' | 'erode', out = new Float32Array(PIXELS)): Float32Array {
  const pick = op === 'dilate' ? Math.max : Math.min;
  for (let row = 0; row < SIDE; row++) {
    for (let col = 0; col < SIDE; col++) {
      const i = row * SIDE + col;
      const up = row > 0 ? src[i - SIDE] : 0;
      const down = row < SIDE - 1 ? src[i + SIDE] : 0;
      const left = col > 0 ? src[i - 1] : 0;
      const right = col < SIDE - 1 ? src[i + 1] : 0;
      out[i] = pick(src[i], up, down, left, right);
    }
  }
  return out;
}

function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.ceil(3 * sigma);
  const kernel = Float32Array.from({ length: 2 * radius + 1 }, (_, k) => Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((acc, v) => acc + v, 0);
  return kernel.map((v) => v / sum);
}

/** Separable Gaussian blur of a 28x28 map (cells outside count as 0): along the rows, then along the columns. */
function blur(values: Float32Array, kernel: Float32Array): Float32Array {
  const along = (data: Float32Array, height: number, width: number) =>
    convolveMaps(
      { data, height: SIDE, width: SIDE, channels: 1 },
      { data: kernel, height, width, inChannels: 1, outChannels: 1 },
      { stride: 1, padTop: (height - 1) / 2, padLeft: (width - 1) / 2, outHeight: SIDE, outWidth: SIDE },
    ).data;
  return along(along(values, 1, kernel.length), kernel.length, 1);
}

/**
 * A random elastic displacement field (Simard et al. 2003): uniform noise in [-1, 1] per
 * pixel and axis, smoothed by a Gaussian of `sigma` px, scaled by `alpha`.
 */
export function randomElasticField(rng: Random, alpha: number, sigma: number): DisplacementField {
  const kernel = gaussianKernel(sigma);
  const noise = () => Float32Array.from({ length: PIXELS }, () => 2 * rng() - 1);
  const dx = blur(noise(), kernel).map((v) => alpha * v);
  const dy = blur(noise(), kernel).map((v) => alpha * v);
  return { dx, dy };
}

function inkOf(image: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < image.length; i++) sum += image[i];
  return sum;
}

/** Draws the random inverse affine map of one augmentation (rotation, scale, aspect, shear, shift). */
export function randomInverseAffine(rng: Random, options: AugmentOptions = DEFAULT_AUGMENT): InverseAffine {
  const angle = (uniform(rng, -options.maxRotationDeg, options.maxRotationDeg) * Math.PI) / 180;
  const scale = uniform(rng, options.scale[0], options.scale[1]);
  const aspect = Math.sqrt(uniform(rng, options.aspect[0], options.aspect[1]));
  const shear = uniform(rng, -options.maxShear, options.maxShear);
  const shiftX = uniform(rng, -options.maxShift, options.maxShift);
  const shiftY = uniform(rng, -options.maxShift, options.maxShift);
  // Forward map F = Rotation * Shear * Scale; the warp needs its inverse.
  const sx = scale * aspect;
  const sy = scale / aspect;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Shear [[1, shear], [0, 1]] then scale diag(sx, sy): S = [[sx, shear * sy], [0, sy]].
  const f00 = cos * sx;
  const f01 = cos * shear * sy - sin * sy;
  const f10 = sin * sx;
  const f11 = sin * shear * sy + cos * sy;
  const det = f00 * f11 - f01 * f10;
  return { a: f11 / det, b: -f01 / det, c: -f10 / det, d: f00 / det, shiftX, shiftY };
}

/**
 * One random distortion of a digit: maybe thicker or thinner strokes, then a random
 * rotation, scale, aspect change, slant and shift, and maybe an elastic distortion. `src` (784 values in [0, 1]) is not
 * changed; the result, also in [0, 1], goes to `out` (a new array by default). The same
 * `rng` state gives the same result.
 */
export function augmentDigit(src: Float32Array, rng: Random, options: AugmentOptions = DEFAULT_AUGMENT, out = new Float32Array(PIXELS)): Float32Array {
  if (src.length !== PIXELS || out.length !== PIXELS) throw new RangeError(`augmentDigit works on ${SIDE}x${SIDE} images (${PIXELS} values).`);
  const stroke = rng();
  let shaped = src;
  if (stroke < options.thickenProbability) shaped = morph3x3(src, 'dilate');
  else if (stroke < options.thickenProbability + options.thinProbability) {
    const thinner = morph3x3(src, 'erode');
    if (inkOf(thinner) >= 0.5 * inkOf(src)) shaped = thinner;
  }
  const map = randomInverseAffine(rng, options);
  const field = rng() < options.elasticProbability ? randomElasticField(rng, options.elasticAlpha, options.elasticSigma) : null;
  warpAffine(shaped, map, out, field);
  for (let i = 0; i < PIXELS; i++) out[i] = Math.min(1, Math.max(0, out[i]));
  return out;
}
