/**
 * Checking a spec (which may come from untrusted input such as a link or a model file) and the
 * arithmetic that follows from a valid one: every layer's name, kind and output shape, and the
 * number of parameters. Re-exported by spec.ts, so importers keep one module to ask.
 */
import {
  INPUT_SIDE,
  NUM_CLASSES,
  SPEC_LIMITS,
  convOutputSide,
  poolOutputSide,
  type ConvBlockSpec,
  type DenseSpec,
  type LayerInfo,
  type ModelSpec,
} from './spec';

const ACTIVATIONS: readonly string[] = ['relu', 'sigmoid', 'tanh'];
const POOLINGS: readonly string[] = ['max', 'average', 'min', 'none'];
const PADDINGS: readonly string[] = ['valid', 'same'];

/** Why a spec is invalid, as a key for the UI's message catalogue. */
export type SpecProblemCode =
  'notASpec' | 'blockCount' | 'denseCount' | 'notABlock' | 'notADense' | 'integer' | 'oneOf' | 'dropout' | 'kernelTooBig' | 'poolTooBig';

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
    return refuse(`${what} must be a whole number from ${lo} to ${hi} (got ${String(value)}).`, 'integer', {
      ...part,
      field,
      min: lo,
      max: hi,
      got: String(value),
    });
  }
  return null;
}

function checkOneOf(value: unknown, part: Part, field: string, allowed: readonly string[]): Refusal | null {
  if (typeof value === 'string' && allowed.includes(value)) return null;
  const what = `${partLabel(part)}: ${field}`;
  return refuse(`${what} must be one of ${allowed.join(', ')} (got ${String(value)}).`, 'oneOf', {
    ...part,
    field,
    allowed: allowed.join(', '),
    got: String(value),
  });
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
      : refuse(`${partLabel(part)}: dropout must be a rate from ${lo} to ${hi} (got ${String(layer.dropout)}).`, 'dropout', {
          ...part,
          min: lo,
          max: hi,
          got: String(layer.dropout),
        }))
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
    return refuse(`A model has ${minBlocks} to ${maxBlocks} conv blocks (got ${spec.convBlocks.length}).`, 'blockCount', {
      min: minBlocks,
      max: maxBlocks,
      got: spec.convBlocks.length,
    });
  }
  const [minDense, maxDense] = SPEC_LIMITS.dense;
  if (spec.dense.length < minDense || spec.dense.length > maxDense) {
    return refuse(`A model has ${minDense} to ${maxDense} dense layers before the softmax (got ${spec.dense.length}).`, 'denseCount', {
      min: minDense,
      max: maxDense,
      got: spec.dense.length,
    });
  }
  for (let b = 0; b < spec.convBlocks.length; b++) {
    const block = spec.convBlocks[b];
    const part: Part = { layer: 'block', index: b + 1 };
    const problem =
      typeof block === 'object' && block !== null ? checkBlockFields(block, part) : refuse(`Block ${b + 1} is not a conv block.`, 'notABlock', part);
    if (problem) return problem;
  }
  for (let d = 0; d < spec.dense.length; d++) {
    const layer = spec.dense[d];
    const part: Part = { layer: 'dense', index: d + 1 };
    const problem =
      typeof layer === 'object' && layer !== null ? checkDenseFields(layer, part) : refuse(`Dense layer ${d + 1} is not a dense layer.`, 'notADense', part);
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
