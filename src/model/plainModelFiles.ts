/**
 * Loads a model in the tfjs "layers-model" format (model.json and its weight shards) as a
 * {@link PlainNetwork}, without tfjs: the page can show the shipped model's predictions
 * before tfjs (a large download) has even been requested.
 */
import { PRETRAINED_MODEL_URL } from './modelPaths';
import { PlainNetwork, type PlainWeight } from './plainForward';
import { DEFAULT_SPEC, type ModelSpec } from './spec';

interface ManifestGroup {
  readonly paths: readonly string[];
  readonly weights: readonly { readonly name: string; readonly shape: readonly number[]; readonly dtype?: string }[];
}

/** Reads the weights of one manifest group from its shards' bytes (concatenated in order). */
export function weightsFromShards(group: ManifestGroup, bytes: ArrayBuffer): PlainWeight[] {
  let offset = 0;
  return group.weights.map((w) => {
    if ((w.dtype ?? 'float32') !== 'float32') throw new Error(`Weight ${w.name} is ${w.dtype}; only float32 weights can be read.`);
    const count = w.shape.reduce((a, b) => a * b, 1);
    if (offset + count * 4 > bytes.byteLength) throw new Error(`The weights file is too short for ${w.name}.`);
    const values = new Float32Array(bytes.slice(offset, offset + count * 4));
    offset += count * 4;
    return { name: w.name, shape: w.shape.slice(), values };
  });
}

async function fetchOk(url: string, fetcher: typeof fetch): Promise<Response> {
  const response = await fetcher(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/**
 * Fetches model.json at `url` (relative to the page) and its shards (relative to it), and
 * returns the network of `spec` with those weights. Throws when a file is missing or the
 * weights are not the spec's.
 */
export async function fetchPlainNetwork(url = PRETRAINED_MODEL_URL, spec: ModelSpec = DEFAULT_SPEC, fetcher: typeof fetch = fetch): Promise<PlainNetwork> {
  const base = new URL(url, globalThis.location?.href ?? 'http://localhost/');
  const json = (await (await fetchOk(base.href, fetcher)).json()) as { weightsManifest?: ManifestGroup[] };
  if (!Array.isArray(json.weightsManifest)) throw new Error(`${url} has no weights manifest.`);
  const weights: PlainWeight[] = [];
  for (const group of json.weightsManifest) {
    const shards = await Promise.all(group.paths.map(async (p) => (await fetchOk(new URL(p, base).href, fetcher)).arrayBuffer()));
    const bytes = new Uint8Array(shards.reduce((n, s) => n + s.byteLength, 0));
    let at = 0;
    for (const shard of shards) {
      bytes.set(new Uint8Array(shard), at);
      at += shard.byteLength;
    }
    weights.push(...weightsFromShards(group, bytes.buffer));
  }
  return PlainNetwork.create(spec, weights);
}
