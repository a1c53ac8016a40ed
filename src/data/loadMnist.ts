import { decodeMnist, type MnistData } from './mnistFormat';

/** Where the built app finds the MNIST asset, relative to the page (works under any sub-path). */
export const MNIST_URL = 'data/mnist.bin';

/** Why the MNIST asset could not be loaded: no download, an HTTP error, or a damaged file. */
export type MnistLoadCode = 'download' | 'http' | 'damaged';

/** A loading failure with a readable English message and a code (plus the HTTP status) for translation. */
export class MnistLoadError extends Error {
  constructor(
    message: string,
    readonly code: MnistLoadCode,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'MnistLoadError';
  }
}

/**
 * Fetches and decodes the MNIST asset from the app's own origin, reporting progress as a
 * fraction 0..1 (or NaN while the total size is unknown). Rejects with a {@link MnistLoadError}.
 */
export async function loadMnist(onProgress?: (fraction: number) => void, url = MNIST_URL): Promise<MnistData> {
  try {
    return await fetchMnist(url, onProgress);
  } catch (e) {
    if (e instanceof MnistLoadError) throw e;
    throw new MnistLoadError(e instanceof Error ? e.message : String(e), 'damaged');
  }
}

async function fetchMnist(url: string, onProgress?: (fraction: number) => void): Promise<MnistData> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new MnistLoadError('Could not load the MNIST digits: the data file did not download.', 'download');
  }
  if (!response.ok) throw new MnistLoadError(`Could not load the MNIST digits (HTTP ${response.status}).`, 'http', response.status);
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
