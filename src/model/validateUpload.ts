/**
 * Checks uploaded model files (a tfjs model.json and its weights .bin) before anything is
 * built from them: file names and kinds, size limits, JSON syntax, the model.json format,
 * that the weights files hold exactly the bytes the manifest describes, finite weights, and
 * the input and output shapes. Pure (no tfjs, no DOM): files are anything Blob-like.
 */
import { MODEL_FILE_LIMITS, modelMetadata, type ModelMetadata } from './modelFiles';
import { collapseMinPooling } from './portableTopology';
import type { ModelSpec } from './spec';
import { refuse, specFromTopology, type Checked } from './topology';

/** What the checks need of an uploaded file (a browser `File` fits, and so does node's). */
export interface ModelFileInput {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** One weight of the manifest (only float32 is accepted). */
export interface WeightEntry {
  readonly name: string;
  readonly shape: number[];
  readonly dtype: 'float32';
}

/** The parts of model.json ConvLens uses, checked. */
export interface CheckedModelJson {
  readonly modelTopology: Record<string, unknown>;
  readonly format: 'layers-model';
  readonly weightsManifest: { paths: string[]; weights: WeightEntry[] }[];
  readonly userDefinedMetadata?: Record<string, unknown>;
}

/** Model files that passed every check, ready to be built with tfjs. */
export interface CheckedModelFiles {
  /** The checked model.json, min pooling in ConvLens's own form (one MinPooling2D layer). */
  readonly modelJson: CheckedModelJson;
  /** Every weights file, concatenated in manifest order (little-endian float32). */
  readonly weights: Uint8Array;
  readonly spec: ModelSpec;
  readonly metadata: ModelMetadata;
}

const BYTES_PER_FLOAT32 = 4;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function baseName(path: string): string {
  const last = path.split(/[\\/]/).pop() ?? path;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Checks the structure of parsed model.json: format, topology, and a float32 weights manifest. */
export function checkModelJson(json: unknown): Checked<CheckedModelJson> {
  if (!isObject(json) || !isObject(json.modelTopology) || (json.format !== undefined && json.format !== 'layers-model')) {
    return refuse('not-layers-model');
  }
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0) return refuse('bad-manifest', { detail: 'weightsManifest is missing or empty' });
  for (const [g, group] of manifest.entries()) {
    if (!isObject(group) || !Array.isArray(group.paths) || group.paths.length === 0 || !group.paths.every((p) => typeof p === 'string' && p.length > 0)) {
      return refuse('bad-manifest', { detail: `group ${g + 1} has no list of weights files` });
    }
    if (!Array.isArray(group.weights)) return refuse('bad-manifest', { detail: `group ${g + 1} has no list of weights` });
    for (const w of group.weights) {
      if (!isObject(w) || typeof w.name !== 'string' || !Array.isArray(w.shape) || !w.shape.every((d) => Number.isInteger(d) && d >= 0)) {
        return refuse('bad-manifest', { detail: `a weight of group ${g + 1} has no valid name and shape` });
      }
      if (w.dtype !== 'float32' || w.quantization !== undefined) {
        return refuse('unsupported-dtype', { weight: w.name, dtype: w.quantization !== undefined ? 'quantised' : String(w.dtype) });
      }
    }
  }
  return {
    ok: true,
    value: {
      modelTopology: json.modelTopology,
      format: 'layers-model',
      weightsManifest: manifest as CheckedModelJson['weightsManifest'],
      userDefinedMetadata: isObject(json.userDefinedMetadata) ? json.userDefinedMetadata : undefined,
    },
  };
}

/** Number of bytes the manifest's weights take (float32: 4 bytes per value). */
export function manifestByteLength(modelJson: CheckedModelJson): number {
  let bytes = 0;
  for (const group of modelJson.weightsManifest) {
    for (const w of group.weights) bytes += w.shape.reduce((a, b) => a * b, 1) * BYTES_PER_FLOAT32;
  }
  return bytes;
}

/**
 * The weights files in manifest order. Matched by name; a single weights file for a
 * single-file manifest is accepted under any name (browsers rename repeated downloads).
 */
export function orderWeightFiles<F extends { name: string }>(modelJson: CheckedModelJson, bins: readonly F[]): Checked<F[]> {
  const paths = modelJson.weightsManifest.flatMap((g) => g.paths);
  if (bins.length === 0) return refuse('no-weights', { expected: paths.map(baseName).join(', ') });
  if (paths.length === 1 && bins.length === 1) return { ok: true, value: [bins[0]] };
  const ordered: F[] = [];
  for (const path of paths) {
    const file = bins.find((b) => b.name === baseName(path));
    if (!file) return refuse('missing-weights-file', { file: baseName(path) });
    ordered.push(file);
  }
  const extra = bins.find((b) => !ordered.includes(b));
  return extra ? refuse('unexpected-file', { file: extra.name }) : { ok: true, value: ordered };
}

function concat(buffers: readonly ArrayBuffer[]): Uint8Array {
  const out = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out;
}

/** The first weight (by manifest name) holding NaN or an infinity, or null when all are finite. */
export function firstNonFiniteWeight(modelJson: CheckedModelJson, weights: Uint8Array): string | null {
  const view = new DataView(weights.buffer, weights.byteOffset, weights.byteLength);
  let at = 0;
  for (const group of modelJson.weightsManifest) {
    for (const w of group.weights) {
      const end = at + w.shape.reduce((a, b) => a * b, 1) * BYTES_PER_FLOAT32;
      for (; at < end; at += BYTES_PER_FLOAT32) if (!Number.isFinite(view.getFloat32(at, true))) return w.name;
    }
  }
  return null;
}

function splitFiles<F extends ModelFileInput>(files: readonly F[]): Checked<{ json: F; bins: F[] }> {
  if (files.length === 0) return refuse('no-files');
  const jsons = files.filter((f) => /\.json$/i.test(f.name));
  const bins = files.filter((f) => /\.bin$/i.test(f.name));
  const other = files.find((f) => !jsons.includes(f) && !bins.includes(f));
  if (other) return refuse('unexpected-file', { file: other.name });
  if (jsons.length === 0) return refuse('no-model-json');
  if (jsons.length > 1) return refuse('several-model-json', { files: jsons.map((f) => f.name).join(', ') });
  const [json] = jsons;
  if (json.size > MODEL_FILE_LIMITS.modelJsonBytes)
    return refuse('model-json-too-large', { file: json.name, size: json.size, limit: MODEL_FILE_LIMITS.modelJsonBytes });
  const total = bins.reduce((n, f) => n + f.size, 0);
  if (total > MODEL_FILE_LIMITS.weightsBytes) return refuse('weights-too-large', { size: total, limit: MODEL_FILE_LIMITS.weightsBytes });
  return { ok: true, value: { json, bins } };
}

/**
 * Checks uploaded model files in order, stopping at the first problem: file kinds, the
 * model.json and weights size limits, JSON syntax, the format, the weights byte count
 * against the manifest, the input shape [null, 28, 28, 1] and output shape [null, 10] and
 * the layers, then that every weight is finite. Reads the weights only once all
 * the cheap checks have passed. A downloaded file's built-in min-pooling triple comes back
 * as one MinPooling2D layer (`portableTopology.ts`), so it builds as the model it was; the
 * weights are the same in both forms.
 */
export async function checkModelFiles(files: readonly ModelFileInput[]): Promise<Checked<CheckedModelFiles>> {
  const split = splitFiles(files);
  if (!split.ok) return split;
  const { json: jsonFile, bins } = split.value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await jsonFile.text());
  } catch (e) {
    return refuse('json-parse', { file: jsonFile.name, detail: e instanceof Error ? e.message : String(e) });
  }
  const checkedJson = checkModelJson(parsed);
  if (!checkedJson.ok) return checkedJson;
  const modelJson = { ...checkedJson.value, modelTopology: collapseMinPooling(checkedJson.value.modelTopology) as Record<string, unknown> };
  const ordered = orderWeightFiles(modelJson, bins);
  if (!ordered.ok) return ordered;
  const expected = manifestByteLength(modelJson);
  const got = ordered.value.reduce((n, f) => n + f.size, 0);
  if (expected !== got) return refuse('weights-length', { expected, got });
  const spec = specFromTopology(modelJson.modelTopology);
  if (!spec.ok) return spec;
  const weights = concat(await Promise.all(ordered.value.map((f) => f.arrayBuffer())));
  if (weights.byteLength !== expected) return refuse('weights-length', { expected, got: weights.byteLength });
  const bad = firstNonFiniteWeight(modelJson, weights);
  if (bad) return refuse('weights-not-finite', { weight: bad });
  return { ok: true, value: { modelJson, weights, spec: spec.value, metadata: modelMetadata(modelJson.userDefinedMetadata, jsonFile.name) } };
}
