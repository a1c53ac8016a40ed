import { decodeMnist, type MnistData } from './mnistFormat';

/** Where the built app finds the MNIST asset, relative to the page (works under any sub-path). */
export const MNIST_URL = 'data/mnist.bin';

/**
 * Fetches and decodes the MNIST asset from the app's own origin, reporting progress as a
 * fraction 0..1 (or NaN while the total size is unknown). Rejects with a readable Error.
 */
export async function loadMnist(onProgress?: (fraction: number) => void, url = MNIST_URL): Promise<MnistData> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error('Could not load the MNIST digits: the data file did not download.');
  }
  if (!response.ok) throw new Error(`Could not load the MNIST digits (HTTP ${response.status}).`);
  const total = Number(response.headers.get('Content-Length') ?? NaN);
  if (!response.body || !Number.isFinite(total) || total <= 0) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.(1);
    return decodeMnist(bytes);
  }
  const bytes = new Uint8Array(total);
  const reader = response.body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.length > total) throw new Error('The MNIST data file is larger than announced.');
    bytes.set(value, received);
    received += value.length;
    onProgress?.(received / total);
  }
  return decodeMnist(received === total ? bytes : bytes.subarray(0, received));
}
