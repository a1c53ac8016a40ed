import { MNIST_PIXELS } from './grid';

/** Digits stored as bytes: digit i is pixels[i*784, (i+1)*784) (grey 0..255, white on black), label labels[i]. */
export interface ByteDigits {
  readonly count: number;
  readonly pixels: Uint8Array;
  readonly labels: ArrayLike<number>;
}

/** Writes a distorted copy of one digit (784 grey levels in 0..1) into `target`. */
export type Distort = (grey: Float32Array, target: Float32Array<ArrayBuffer>) => void;

/**
 * The images of one batch as float grey levels in 0..1, one after the other: the digits
 * order[from], ..., order[to - 1], each passed through `distort` when it is given.
 */
export function batchImages(digits: ByteDigits, order: ArrayLike<number>, from: number, to: number, distort: Distort | null): Float32Array {
  const images = new Float32Array((to - from) * MNIST_PIXELS);
  const grey = new Float32Array(MNIST_PIXELS);
  for (let k = from; k < to; k++) {
    const source = digits.pixels.subarray(order[k] * MNIST_PIXELS, (order[k] + 1) * MNIST_PIXELS);
    const target = images.subarray((k - from) * MNIST_PIXELS, (k - from + 1) * MNIST_PIXELS);
    if (distort) {
      for (let i = 0; i < MNIST_PIXELS; i++) grey[i] = source[i] / 255;
      distort(grey, target);
    } else {
      for (let i = 0; i < MNIST_PIXELS; i++) target[i] = source[i] / 255;
    }
  }
  return images;
}

/** The labels of the digits order[from], ..., order[to - 1]. */
export function batchLabels(digits: ByteDigits, order: ArrayLike<number>, from: number, to: number): Int32Array {
  const labels = new Int32Array(to - from);
  for (let k = from; k < to; k++) labels[k - from] = digits.labels[order[k]];
  return labels;
}
