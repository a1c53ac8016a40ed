/**
 * The architecture of a ConvLens CNN as plain, serialisable data (no tfjs here), its
 * validation, and every layer's name, kind and output shape by plain arithmetic. The model
 * built from a spec (`build.ts`) has exactly the layers listed by {@link layerShapes}, in
 * that order and with those names, so the UI can lay out the network before it runs.
 */
import { MNIST_SIDE } from '../core/grid';

/** Element-wise non-linearity after a convolution or a dense layer. */
export type Activation = 'relu' | 'sigmoid' | 'tanh';
/** Pooling after a block's activation; 'none' skips the pooling layer. */
export type Pooling = 'max' | 'average' | 'min' | 'none';
/** 'valid': no padding (the map shrinks by kernelSize - 1); 'same': zero padding, ceil(n / stride). */
export type Padding = 'valid' | 'same';

/** One convolution block: convolution, then activation, then (optionally) pooling. */
export interface ConvBlockSpec {
  /** Number of kernels (output channels), 1..128. */
  readonly filters: number;
  /** Side of the square kernel, 1..9. */
  readonly kernelSize: number;
  /** Step of the kernel, 1..4. */
  readonly stride: number;
  readonly padding: Padding;
  readonly activation: Activation;
  readonly pool: Pooling;
  /** Side of the square pooling window, which is also its stride (2..4; ignored for 'none'). */
  readonly poolSize: number;
}

/** One fully connected layer: dense, then activation, then dropout when `dropout` > 0. */
export interface DenseSpec {
  /** Number of neurons, 1..1024. */
  readonly units: number;
  readonly activation: Activation;
  /** Dropout rate applied to this layer's activations while training, 0..0.9 (0: no dropout layer). */
  readonly dropout: number;
}

/**
 * A whole network: 1..4 conv blocks, a flatten, 0..3 dense layers, then always a 10-unit
 * `logits` dense layer and a softmax. Input: [28, 28, 1] grey levels in [0, 1].
 */
export interface ModelSpec {
  readonly convBlocks: readonly ConvBlockSpec[];
  readonly dense: readonly DenseSpec[];
}

/** What a layer does; one kind per tfjs layer of the built model. */
export type LayerKind = 'conv' | 'activation' | 'pool' | 'flatten' | 'dense' | 'dropout' | 'logits' | 'softmax';

/** A layer of the network as the UI needs it, computed from the spec alone. */
export interface LayerInfo {
  /** The tfjs layer name, e.g. `conv1`, `conv1_relu`, `pool1`, `dense1`, `dropout1`, `logits`. */
  readonly name: string;
  readonly kind: LayerKind;
  /** Output shape without the batch dimension: [height, width, channels] or [units]. */
  readonly shape: readonly number[];
  /** 1-based conv block (conv / activation / pool of a block) or dense layer (dense / activation / dropout); 0 otherwise. */
  readonly index: number;
  /** The non-linearity for kind 'activation' ('softmax' for the last layer). */
  readonly activation?: Activation | 'softmax';
  /** The pooling for kind 'pool'. */
  readonly pool?: Exclude<Pooling, 'none'>;
}

/** Side of the input image: an MNIST digit. */
export const INPUT_SIDE = MNIST_SIDE;
/** Number of classes (digits 0-9). */
export const NUM_CLASSES = 10;

/** Bounds every spec must respect (the UI can use them for its controls). */
export const SPEC_LIMITS = Object.freeze({
  convBlocks: [1, 4],
  dense: [0, 3],
  filters: [1, 128],
  kernelSize: [1, 9],
  stride: [1, 4],
  poolSize: [2, 4],
  units: [1, 1024],
  dropout: [0, 0.9],
} as const);

/**
 * The article's network: two conv + ReLU + 2x2 max-pool blocks, one dense ReLU layer with
 * dropout, then the 10-way softmax. Small enough to infer in a few ms, large enough to
 * reach >= 99% on the held-out split when trained with augmentation (`npm run train`).
 * Shapes: 28x28x1 -> conv 26x26x16 -> pool 13x13x16 -> conv 11x11x32 -> pool 5x5x32
 * -> flatten 800 -> dense 128 -> logits 10 -> softmax 10.
 */
export const DEFAULT_SPEC: ModelSpec = Object.freeze({
  convBlocks: Object.freeze([
    Object.freeze({ filters: 16, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }),
    Object.freeze({ filters: 32, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }),
  ]) as readonly ConvBlockSpec[],
  dense: Object.freeze([Object.freeze({ units: 128, activation: 'relu', dropout: 0.4 })]) as readonly DenseSpec[],
}) as ModelSpec;

const ACTIVATIONS: readonly string[] = ['relu', 'sigmoid', 'tanh'];
const POOLINGS: readonly string[] = ['max', 'average', 'min', 'none'];
const PADDINGS: readonly string[] = ['valid', 'same'];

/** Side of a convolution's output for an input side `n` (TensorFlow's rule). */
export function convOutputSide(n: number, kernelSize: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(n / stride) : Math.floor((n - kernelSize) / stride) + 1;
}

/** Side of a pooling output ('valid' pooling, stride = window): floor(n / size). */
export function poolOutputSide(n: number, poolSize: number): number {
  return Math.floor(n / poolSize);
}

/** Why a spec is invalid, as a key for the UI's message catalogue. */
export type SpecProblemCode = 'notASpec' | 'blockCount' | 'denseCount' | 'notABlock' | 'notADense' | 'integer' | 'oneOf' | 'dropout' | 'kernelTooBig' | 'poolTooBig';

/**
 * A spec problem for translation: `layer` ('block' | 'dense') and `index` (1-based) name the
 * part at fault, `field` the setting (filters, kernelSize, stride, padding, activation,
 * pooling, poolSize, units), and the other params the numbers the message quotes.
 */
export interface SpecProblem {
  readonly code: SpecProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

type Check = { ok: true } | { ok: false; message: string; problem: SpecProblem };
type Refusal = Extract<Check, { ok: false }>;

function refuse(message: string, code: SpecProblemCode, params: Record<string, string | number> = {}): Refusal {
  return { ok: false, message, problem: { code, params } };
}

type Part = { readonly layer: 'block' | 'dense'; readonly index: number };
const FIELD_WORDS: Record<string, string> = { kernelSize: 'kernel size', poolSize: 'pool size' };

function partLabel(part: Part): string {
  return part.layer === 'block' ? `Block ${part.index}` : `Dense layer ${part.index}`;
}

function checkInteger(value: unknown, part: Part, field: string, [lo, hi]: readonly [number, number]): Refusal | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) {
    const what = `${partLabel(part)}: ${FIELD_WORDS[field] ?? field}`;
    return refuse(`${what} must be a whole number from ${lo} to ${hi} (got ${String(value)}).`, 'integer', { ...part, field, min: lo, max: hi, got: String(value) });
  }
  return null;
}

function checkOneOf(value: unknown, part: Part, field: string, allowed: readonly string[]): Refusal | null {
  if (typeof value === 'string' && allowed.includes(value)) return null;
  const what = `${partLabel(part)}: ${field}`;
  return refuse(`${what} must be one of ${allowed.join(', ')} (got ${String(value)}).`, 'oneOf', { ...part, field, allowed: allowed.join(', '), got: String(value) });
}

function checkBlockFields(block: ConvBlockSpec, part: Part): Refusal | null {
  return (
    checkInteger(block.filters, part, 'filters', SPEC_LIMITS.filters) ??
    checkInteger(block.kernelSize, part, 'kernelSize', SPEC_LIMITS.kernelSize) ??
    checkInteger(block.stride, part, 'stride', SPEC_LIMITS.stride) ??
    checkOneOf(block.padding, part, 'padding', PADDINGS) ??
    checkOneOf(block.activation, part, 'activation', ACTIVATIONS) ??
    checkOneOf(block.pool, part, 'pooling', POOLINGS) ??
    (block.pool === 'none' ? null : checkInteger(block.poolSize, part, 'poolSize', SPEC_LIMITS.poolSize))
  );
}

function checkDenseFields(layer: DenseSpec, part: Part): Refusal | null {
  const [lo, hi] = SPEC_LIMITS.dropout;
  return (
    checkInteger(layer.units, part, 'units', SPEC_LIMITS.units) ??
    checkOneOf(layer.activation, part, 'activation', ACTIVATIONS) ??
    (typeof layer.dropout === 'number' && layer.dropout >= lo && layer.dropout <= hi
      ? null
      : refuse(`${partLabel(part)}: dropout must be a rate from ${lo} to ${hi} (got ${String(layer.dropout)}).`, 'dropout', { ...part, min: lo, max: hi, got: String(layer.dropout) }))
  );
}

/** The spatial sizes of each block, or the problem of the block that shrinks the map too far. */
function blockSides(spec: ModelSpec): { conv: number; pool: number }[] | Refusal {
  const sides: { conv: number; pool: number }[] = [];
  let n = INPUT_SIDE;
  for (let b = 0; b < spec.convBlocks.length; b++) {
    const block = spec.convBlocks[b];
    const label = `Block ${b + 1}`;
    const conv = convOutputSide(n, block.kernelSize, block.stride, block.padding);
    if (conv < 1) {
      return refuse(
        `${label} would shrink the ${n}×${n} map below 1×1: a ${block.kernelSize}×${block.kernelSize} kernel does not fit without padding. Use a smaller kernel, 'same' padding, or fewer blocks.`,
        'kernelTooBig',
        { layer: 'block', index: b + 1, side: n, kernel: block.kernelSize },
      );
    }
    const pool = block.pool === 'none' ? conv : poolOutputSide(conv, block.poolSize);
    if (pool < 1) {
      return refuse(
        `${label} would shrink the ${n}×${n} map below 1×1: its ${conv}×${conv} convolution output is smaller than the ${block.poolSize}×${block.poolSize} pooling window. Use a smaller pool, no pooling, or fewer blocks.`,
        'poolTooBig',
        { layer: 'block', index: b + 1, side: n, conv, pool: block.poolSize },
      );
    }
    sides.push({ conv, pool });
    n = pool;
  }
  return sides;
}

/**
 * Checks a spec (which may come from untrusted input such as a URL): counts, ranges, enum
 * values, and that no block shrinks the feature map below 1x1. Messages name the block or
 * dense layer at fault (1-based) and say how to fix it; `problem` gives the same as a code
 * with its numbers, for translation.
 */
export function validateSpec(spec: ModelSpec): Check {
  if (typeof spec !== 'object' || spec === null || !Array.isArray(spec.convBlocks) || !Array.isArray(spec.dense)) {
    return refuse('A model needs a list of conv blocks and a list of dense layers.', 'notASpec');
  }
  const [minBlocks, maxBlocks] = SPEC_LIMITS.convBlocks;
  if (spec.convBlocks.length < minBlocks || spec.convBlocks.length > maxBlocks) {
    return refuse(`A model has ${minBlocks} to ${maxBlocks} conv blocks (got ${spec.convBlocks.length}).`, 'blockCount', { min: minBlocks, max: maxBlocks, got: spec.convBlocks.length });
  }
  const [minDense, maxDense] = SPEC_LIMITS.dense;
  if (spec.dense.length < minDense || spec.dense.length > maxDense) {
    return refuse(`A model has ${minDense} to ${maxDense} dense layers before the softmax (got ${spec.dense.length}).`, 'denseCount', { min: minDense, max: maxDense, got: spec.dense.length });
  }
  for (let b = 0; b < spec.convBlocks.length; b++) {
    const block = spec.convBlocks[b];
    const part: Part = { layer: 'block', index: b + 1 };
    const problem = typeof block === 'object' && block !== null ? checkBlockFields(block, part) : refuse(`Block ${b + 1} is not a conv block.`, 'notABlock', part);
    if (problem) return problem;
  }
  for (let d = 0; d < spec.dense.length; d++) {
    const layer = spec.dense[d];
    const part: Part = { layer: 'dense', index: d + 1 };
    const problem = typeof layer === 'object' && layer !== null ? checkDenseFields(layer, part) : refuse(`Dense layer ${d + 1} is not a dense layer.`, 'notADense', part);
    if (problem) return problem;
  }
  const sides = blockSides(spec);
  return Array.isArray(sides) ? { ok: true } : sides;
}

/** Throws an Error with the validation message when the spec is invalid. */
export function assertValidSpec(spec: ModelSpec): void {
  const check = validateSpec(spec);
  if (!check.ok) throw new Error(check.message);
}

/**
 * Every layer of the model built from `spec`, in order, with its name, kind and output
 * shape (without the batch dimension; NHWC, so conv outputs are [height, width, channels]).
 * The input layer is not listed. Throws when the spec is invalid.
 */
export function layerShapes(spec: ModelSpec): LayerInfo[] {
  assertValidSpec(spec);
  const sides = blockSides(spec) as { conv: number; pool: number }[];
  const layers: LayerInfo[] = [];
  spec.convBlocks.forEach((block, b) => {
    const index = b + 1;
    const { conv, pool } = sides[b];
    layers.push({ name: `conv${index}`, kind: 'conv', shape: [conv, conv, block.filters], index });
    layers.push({ name: `conv${index}_${block.activation}`, kind: 'activation', shape: [conv, conv, block.filters], index, activation: block.activation });
    if (block.pool !== 'none') {
      layers.push({ name: `pool${index}`, kind: 'pool', shape: [pool, pool, block.filters], index, pool: block.pool });
    }
  });
  const last = spec.convBlocks[spec.convBlocks.length - 1];
  const side = sides[sides.length - 1].pool;
  layers.push({ name: 'flatten', kind: 'flatten', shape: [side * side * last.filters], index: 0 });
  spec.dense.forEach((layer, d) => {
    const index = d + 1;
    layers.push({ name: `dense${index}`, kind: 'dense', shape: [layer.units], index });
    layers.push({ name: `dense${index}_${layer.activation}`, kind: 'activation', shape: [layer.units], index, activation: layer.activation });
    if (layer.dropout > 0) layers.push({ name: `dropout${index}`, kind: 'dropout', shape: [layer.units], index });
  });
  layers.push({ name: 'logits', kind: 'logits', shape: [NUM_CLASSES], index: 0 });
  layers.push({ name: 'softmax', kind: 'softmax', shape: [NUM_CLASSES], index: 0, activation: 'softmax' });
  return layers;
}

/** Number of trainable parameters (weights and biases) of the model built from `spec`. */
export function parameterCount(spec: ModelSpec): number {
  const layers = layerShapes(spec);
  let channels = 1;
  let count = 0;
  spec.convBlocks.forEach((block) => {
    count += (block.kernelSize * block.kernelSize * channels + 1) * block.filters;
    channels = block.filters;
  });
  let inputs = layers.find((l) => l.kind === 'flatten')!.shape[0];
  for (const units of [...spec.dense.map((d) => d.units), NUM_CLASSES]) {
    count += (inputs + 1) * units;
    inputs = units;
  }
  return count;
}
