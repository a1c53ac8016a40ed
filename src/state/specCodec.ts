/**
 * The trainable network as link text (the `arch` key of ./shareState.ts), written and read
 * back exactly; what reads back must also pass the spec's own validation.
 */
import { validateSpec, type Activation, type ConvBlockSpec, type DenseSpec, type ModelSpec, type Pooling } from '../model/spec';
import type { ShareProblemReason } from './shareValues';

const ACTIVATION_CODES: Record<string, Activation> = { r: 'relu', s: 'sigmoid', t: 'tanh' };
const POOLING_CODES: Record<string, Pooling> = { m: 'max', a: 'average', i: 'min', n: 'none' };
const codeOf = <T>(codes: Record<string, T>, value: T) => Object.keys(codes).find((k) => codes[k] === value) ?? '';
const BLOCK = /^(\d{1,3})k(\d{1,2})s(\d{1,2})([vs])([rst])([main])(\d{1,2})$/;
const DENSE = /^(\d{1,4})([rst])(\d{1,2})$/;

/**
 * The network as text: conv blocks joined by `.`, then `_`, then dense layers joined by `.`.
 * A block is `<filters>k<kernel>s<stride><padding v|s><activation r|s|t><pool m|a|i|n><pool size>`,
 * e.g. `16k3s1vrm2`; a dense layer is `<units><activation><dropout %>`, e.g. `128r40`.
 */
export function writeSpec(spec: ModelSpec): string {
  const blocks = spec.convBlocks.map(
    (b) => `${b.filters}k${b.kernelSize}s${b.stride}${b.padding[0]}${codeOf(ACTIVATION_CODES, b.activation)}${codeOf(POOLING_CODES, b.pool)}${b.poolSize}`,
  );
  const dense = spec.dense.map((d) => `${d.units}${codeOf(ACTIVATION_CODES, d.activation)}${Math.round(d.dropout * 100)}`);
  return `${blocks.join('.')}_${dense.join('.')}`;
}

/** Reads {@link writeSpec}'s text; the spec must also pass `validateSpec`. */
export function readSpec(raw: string): ModelSpec | ShareProblemReason {
  const groups = raw.split('_');
  if (groups.length !== 2) return 'wrong-type';
  const blocks: ConvBlockSpec[] = [];
  for (const text of groups[0].split('.')) {
    const m = BLOCK.exec(text);
    if (!m) return 'wrong-type';
    blocks.push({
      filters: Number(m[1]),
      kernelSize: Number(m[2]),
      stride: Number(m[3]),
      padding: m[4] === 'v' ? 'valid' : 'same',
      activation: ACTIVATION_CODES[m[5]],
      pool: POOLING_CODES[m[6]],
      poolSize: Number(m[7]),
    });
  }
  const dense: DenseSpec[] = [];
  for (const text of groups[1] === '' ? [] : groups[1].split('.')) {
    const m = DENSE.exec(text);
    if (!m) return 'wrong-type';
    dense.push({ units: Number(m[1]), activation: ACTIVATION_CODES[m[2]], dropout: Number(m[3]) / 100 });
  }
  const spec: ModelSpec = { convBlocks: blocks, dense };
  return validateSpec(spec).ok ? spec : 'out-of-range';
}
