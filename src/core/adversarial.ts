/**
 * The arithmetic of adversarial inputs on grey levels in [0, 1], framework-free: the sign of
 * a gradient, a step along it clipped to the image range and to an L-infinity ball around the
 * original, and the grid of epsilons searched for the smallest one that changes a prediction.
 */

/** Per pixel -1, 0 or +1: the sign of `gradient`, times `towards` (-1 to go down the gradient). */
export function gradientSign(gradient: ArrayLike<number>, towards: 1 | -1): Int8Array {
  const sign = new Int8Array(gradient.length);
  for (let i = 0; i < gradient.length; i++) sign[i] = gradient[i] > 0 ? towards : gradient[i] < 0 ? -towards : 0;
  return sign;
}

const clip = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/**
 * The fast gradient sign step: x'_i = clip(x_i + epsilon * direction_i, 0, 1), for
 * `image` and `direction` of the same length (row-major pixels) and epsilon >= 0.
 */
export function perturbAlong(image: Float32Array, direction: Int8Array, epsilon: number): Float32Array {
  checkLengths(image, direction);
  return image.map((v, i) => clip(v + epsilon * direction[i], 0, 1));
}

/**
 * One step of the iterative variant: `current` moved by `alpha` along `direction`, then
 * kept within `epsilon` of `original` (L-infinity) and in [0, 1]. All three arrays are the
 * same length; returns a new array.
 */
export function projectedStep(current: Float32Array, original: Float32Array, direction: Int8Array, alpha: number, epsilon: number): Float32Array {
  checkLengths(current, direction);
  checkLengths(original, direction);
  return current.map((v, i) => {
    const lo = Math.max(0, original[i] - epsilon);
    const hi = Math.min(1, original[i] + epsilon);
    return clip(v + alpha * direction[i], lo, hi);
  });
}

/** The epsilons `step`, 2 `step`, ... up to `max` (inclusive), rounded to 6 decimals so 0.07 reads 0.07. */
export function epsilonGrid(step: number, max: number): number[] {
  if (!(step > 0) || !(max >= step)) throw new RangeError(`epsilon grid needs 0 < step <= max, got ${step} and ${max}`);
  const count = Math.floor(max / step + 1e-9);
  return Array.from({ length: count }, (_, k) => Number(((k + 1) * step).toFixed(6)));
}

/** The largest |a_i - b_i| (the L-infinity distance) of two arrays of the same length. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkLengths(a, b);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

function checkLengths(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} and ${b.length}`);
}
