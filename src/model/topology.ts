/**
 * Reads a ConvLens architecture back from a tfjs `modelTopology` (the Keras-style JSON in
 * model.json), without tfjs: plain checks on untrusted data. A ConvLens model is a chain
 * input -> (conv, activation, [pool]) x 1..4 -> flatten -> (dense, activation, [dropout])
 * x 0..3 -> logits (dense, 10 units) -> softmax, as built by `build.ts`. Min pooling is read
 * in both of its spellings: ConvLens's own MinPooling2D layer, and the built-in triple
 * Rescaling(-1) -> MaxPooling2D -> Rescaling(-1) of downloaded files (`portableTopology.ts`).
 */
import { collapseMinPooling, topologyLayers } from './portableTopology';
import { INPUT_SIDE, NUM_CLASSES, validateSpec, type Activation, type ConvBlockSpec, type DenseSpec, type ModelSpec, type Pooling } from './spec';

/** Why a model file was refused; the UI maps each code to a translated message. */
export type ModelFileErrorCode =
  | 'no-files'
  | 'no-model-json'
  | 'several-model-json'
  | 'no-weights'
  | 'unexpected-file'
  | 'model-json-too-large'
  | 'weights-too-large'
  | 'json-parse'
  | 'not-layers-model'
  | 'bad-manifest'
  | 'unsupported-dtype'
  | 'missing-weights-file'
  | 'weights-length'
  | 'weights-not-finite'
  | 'input-shape'
  | 'output-shape'
  | 'unsupported-layer'
  | 'unsupported-architecture'
  | 'tfjs-load';

/** A refusal: a code, and the values its message needs (file names, sizes, shapes). */
export interface ModelFileError {
  readonly code: ModelFileErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ModelFileError };

export function refuse<T>(code: ModelFileErrorCode, params: Record<string, string | number> = {}): Checked<T> {
  return { ok: false, error: { code, params } };
}

type Json = Record<string, unknown>;

/** A shape as text, `null` for the batch dimension: "[null, 28, 28, 1]". */
export function shapeText(shape: unknown): string {
  return Array.isArray(shape) ? `[${shape.map((d) => (d === null ? 'null' : String(d))).join(', ')}]` : String(shape);
}

/** Reads a key in tfjs's snake_case or camelCase spelling. */
function field(layer: Json, snake: string, camel = snake): unknown {
  const config = layer.config as Json;
  return config[snake] ?? config[camel];
}

/** A square window given as n or [n, n]; null when not square. */
function square(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (Array.isArray(value) && value.length === 2 && value[0] === value[1] && typeof value[0] === 'number') return value[0];
  return null;
}

const ACTIVATIONS = new Set(['relu', 'sigmoid', 'tanh']);
const POOLS: Record<string, Exclude<Pooling, 'none'>> = { MaxPooling2D: 'max', AveragePooling2D: 'average', MinPooling2D: 'min' };

/** The input shape declared by the first layer (an InputLayer, or a Sequential model's first layer). */
function inputShape(layers: Json[]): unknown {
  return field(layers[0], 'batch_input_shape', 'batchInputShape');
}

/** Walks the layer chain; returns the spec, or the first layer that does not fit the pattern. */
function readChain(layers: Json[]): Checked<ModelSpec> {
  let i = layers[0].class_name === 'InputLayer' ? 1 : 0;
  const unsupported = (at: number) =>
    refuse<ModelSpec>('unsupported-layer', {
      layer: String(field(layers[at] ?? { config: {} }, 'name') ?? at),
      kind: String(layers[at]?.class_name ?? 'end of model'),
    });
  const activationAt = (at: number): string | null => (layers[at]?.class_name === 'Activation' ? String(field(layers[at], 'activation')) : null);

  const convBlocks: ConvBlockSpec[] = [];
  while (layers[i]?.class_name === 'Conv2D') {
    const conv = layers[i];
    const kernelSize = square(field(conv, 'kernel_size', 'kernelSize'));
    const stride = square(field(conv, 'strides'));
    const activation = activationAt(i + 1);
    if (kernelSize === null || stride === null || field(conv, 'activation') !== 'linear' || activation === null || !ACTIVATIONS.has(activation))
      return unsupported(i);
    i += 2;
    let pool: Pooling = 'none';
    let poolSize = 2;
    const poolKind = POOLS[String(layers[i]?.class_name)];
    if (poolKind) {
      const size = square(field(layers[i], 'pool_size', 'poolSize'));
      if (size === null || square(field(layers[i], 'strides')) !== size || field(layers[i], 'padding') !== 'valid') return unsupported(i);
      pool = poolKind;
      poolSize = size;
      i += 1;
    }
    convBlocks.push({
      filters: Number(field(conv, 'filters')),
      kernelSize,
      stride,
      padding: field(conv, 'padding') as ConvBlockSpec['padding'],
      activation: activation as Activation,
      pool,
      poolSize,
    });
  }
  if (convBlocks.length === 0 || layers[i]?.class_name !== 'Flatten') return unsupported(i);
  i += 1;

  const dense: DenseSpec[] = [];
  for (;;) {
    const layer = layers[i];
    const activation = activationAt(i + 1);
    if (layer?.class_name !== 'Dense' || field(layer, 'activation') !== 'linear' || activation === null) return unsupported(i);
    const units = field(layer, 'units');
    if (activation === 'softmax') {
      if (i + 2 !== layers.length) return unsupported(i + 2);
      if (units !== NUM_CLASSES) return refuse('output-shape', { expected: shapeText([null, NUM_CLASSES]), got: shapeText([null, units]) });
      break;
    }
    if (!ACTIVATIONS.has(activation)) return unsupported(i + 1);
    i += 2;
    let dropout = 0;
    if (layers[i]?.class_name === 'Dropout') {
      dropout = Number(field(layers[i], 'rate'));
      i += 1;
    }
    dense.push({ units: Number(units), activation: activation as Activation, dropout });
  }
  const spec: ModelSpec = { convBlocks, dense };
  const check = validateSpec(spec);
  return check.ok ? { ok: true, value: spec } : refuse('unsupported-architecture', { detail: check.message });
}

/**
 * The ConvLens spec of a tfjs model topology, after checking that it takes one
 * [null, 28, 28, 1] input and gives one [null, 10] output through layers ConvLens can show.
 * A built-in min-pooling triple counts as one min-pooling layer (see {@link collapseMinPooling}).
 * Pure (no tfjs): safe to run on any parsed JSON before building anything.
 */
export function specFromTopology(topology: unknown): Checked<ModelSpec> {
  const layers = topologyLayers(collapseMinPooling(topology));
  if (!layers || layers.length === 0) return refuse('not-layers-model');
  const input = inputShape(layers);
  const expected = [null, INPUT_SIDE, INPUT_SIDE, 1];
  if (!Array.isArray(input) || input.length !== expected.length || input.some((d, k) => d !== expected[k])) {
    return refuse('input-shape', { expected: shapeText(expected), got: shapeText(input) });
  }
  return readChain(layers);
}
