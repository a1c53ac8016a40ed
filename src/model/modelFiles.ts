/**
 * Model files as ConvLens stores, downloads and accepts them: the standard tfjs
 * layers-model pair `<name>.json` + `<name>.weights.bin` (the names tfjs's own
 * `downloads://<name>` uses), size limits, model names, and the ConvLens metadata kept in
 * model.json's `userDefinedMetadata`. Pure: no tfjs, no DOM.
 */
import { expandMinPooling } from './portableTopology';

/** Largest files accepted: a model.json is a few kB; the largest sensible ConvLens weights are tens of MB. */
export const MODEL_FILE_LIMITS = Object.freeze({
  modelJsonBytes: 1_000_000,
  weightsBytes: 64_000_000,
});

/** Longest model name. */
export const MODEL_NAME_MAX = 60;

/** What ConvLens knows about a saved model besides its weights. */
export interface ModelMetadata {
  readonly name: string;
  /** ISO 8601 time of saving, when known. */
  readonly savedAt: string | null;
  /** Accuracy on the 1,000 held-out digits (0..1), when known. */
  readonly heldOutAccuracy: number | null;
}

/** A model in tfjs's layers-model format, weights in one buffer (manifest order). */
export interface ModelPackage {
  readonly modelJson: {
    readonly modelTopology: unknown;
    readonly weightsManifest: readonly { readonly paths: readonly string[]; readonly weights: readonly unknown[] }[];
    readonly userDefinedMetadata?: unknown;
  };
  readonly weights: Uint8Array;
}

/** A file to hand to the user. */
export interface DownloadFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly data: string | Uint8Array;
}

export type NameCheck = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly code: 'name-empty' | 'name-too-long' };

/** Trims a name typed by the user and checks it (1..60 characters, control characters removed). */
export function checkModelName(raw: string): NameCheck {
  const name = raw
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  if (name.length === 0) return { ok: false, code: 'name-empty' };
  if ([...name].length > MODEL_NAME_MAX) return { ok: false, code: 'name-too-long' };
  return { ok: true, name };
}

/** A file-name-safe form of a model name ("My model #2" -> "my-model-2"); "model" when nothing is left. */
export function fileSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MODEL_NAME_MAX);
  return slug || 'model';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * ConvLens metadata from model.json's `userDefinedMetadata.convlens`, ignoring anything
 * malformed; the name falls back to the file name without ".json".
 */
export function modelMetadata(userDefined: unknown, jsonFileName: string): ModelMetadata {
  const meta = isObject(userDefined) && isObject(userDefined.convlens) ? userDefined.convlens : {};
  const named = typeof meta.name === 'string' ? checkModelName(meta.name) : null;
  const fromFile = checkModelName(jsonFileName.replace(/\.json$/i, ''));
  const accuracy = meta.heldOutAccuracy;
  return {
    name: named?.ok ? named.name : fromFile.ok ? fromFile.name : 'model',
    savedAt: typeof meta.savedAt === 'string' && !Number.isNaN(Date.parse(meta.savedAt)) ? meta.savedAt : null,
    heldOutAccuracy: typeof accuracy === 'number' && accuracy >= 0 && accuracy <= 1 ? accuracy : null,
  };
}

/**
 * The model.json + weights pair for a model, its manifest pointing at `<slug>.weights.bin`
 * (one weights group) and carrying the ConvLens metadata. Built-in layers only: min pooling
 * is written as Rescaling(-1) -> MaxPooling2D -> Rescaling(-1) (`portableTopology.ts`), so
 * the pair loads in plain `tf.loadLayersModel`; the weights are unchanged.
 */
export function downloadFiles(pkg: ModelPackage, metadata: ModelMetadata): [DownloadFile, DownloadFile] {
  const slug = fileSlug(metadata.name);
  const weightsName = `${slug}.weights.bin`;
  const weights = pkg.modelJson.weightsManifest.flatMap((g) => g.weights);
  const userDefined = isObject(pkg.modelJson.userDefinedMetadata) ? pkg.modelJson.userDefinedMetadata : {};
  const modelJson = {
    ...pkg.modelJson,
    modelTopology: expandMinPooling(pkg.modelJson.modelTopology),
    weightsManifest: [{ paths: [`./${weightsName}`], weights }],
    userDefinedMetadata: { ...userDefined, convlens: { ...metadata } },
  };
  return [
    { fileName: `${slug}.json`, mimeType: 'application/json', data: JSON.stringify(modelJson) },
    { fileName: weightsName, mimeType: 'application/octet-stream', data: pkg.weights },
  ];
}
