/**
 * Node-only access to the MNIST asset for scripts and tests: reads public/data/mnist.bin
 * (built by `npm run data`) with fs and decodes it. Not for the browser bundle.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMnist, type MnistData } from './mnistFormat';

/** Absolute path of the MNIST asset in this checkout. */
export const MNIST_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'data', 'mnist.bin');

/** Reads and decodes the MNIST asset; the error says to run `npm run data` when it is missing. */
export function readMnist(file = MNIST_FILE): MnistData {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new Error(`Cannot read ${file}: run \`npm run data\` first.`);
  }
  return decodeMnist(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
