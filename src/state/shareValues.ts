/**
 * The value codecs of the link schema (./shareState.ts): integers, float32 weights and the
 * input scale as link text, and why a value is refused. Pure functions of strings.
 */
import type { InputScale } from '../core/inputScale';

/**
 * Why a key was not used: `unknown-key` (not part of the schema), `repeated` (given more than
 * once), `too-long`, `wrong-type` (not the expected kind of value), `out-of-range`,
 * `conflict` (e.g. both a sample and a drawing), `missing-sample` (no such MNIST digit; found
 * once the data is loaded, see {@link sampleProblem}).
 */
export type ShareProblemReason = 'unknown-key' | 'repeated' | 'too-long' | 'wrong-type' | 'out-of-range' | 'conflict' | 'missing-sample';

const REASONS: readonly string[] = ['unknown-key', 'repeated', 'too-long', 'wrong-type', 'out-of-range', 'conflict', 'missing-sample'];
export function isReason(value: unknown): value is ShareProblemReason {
  return typeof value === 'string' && REASONS.includes(value);
}

export const INTEGER = /^-?\d{1,6}$/;
export const DECIMAL = /^-?\d{1,6}(\.\d{1,8})?$/;
export const WEIGHT = /^-?\d{1,3}(\.\d{1,9})?(e-\d{1,2})?$/;

/** Reads an integer in [lo, hi]. */
export function readInt(raw: string, lo: number, hi: number): number | ShareProblemReason {
  if (!INTEGER.test(raw)) return 'wrong-type';
  const n = Number(raw);
  return n < lo || n > hi ? 'out-of-range' : n;
}

/** The shortest decimal text that reads back as exactly the same float32 (kernels are float32). */
export function formatFloat32(v: number): string {
  for (let p = 1; p <= 9; p++) {
    const text = String(Number(v.toPrecision(p)));
    if (Math.fround(Number(text)) === v) return text;
  }
  return String(v);
}

export function sameWeights(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const INPUT_SCALE = /^(g255|g01|b(0\.\d{1,2}))$/;

export function readInputScale(raw: string): InputScale | ShareProblemReason {
  const match = INPUT_SCALE.exec(raw);
  if (!match) return 'wrong-type';
  if (match[1] === 'g255') return { kind: 'grey255' };
  if (match[1] === 'g01') return { kind: 'grey01' };
  const cutoff = Number(match[2]);
  // The cut-off slider's range and steps: 0.05 to 0.95 by 0.05.
  if (cutoff < 0.05 || cutoff > 0.95 || Math.abs(cutoff * 20 - Math.round(cutoff * 20)) > 1e-9) return 'out-of-range';
  return { kind: 'binary', cutoff };
}

export function writeInputScale(scale: InputScale): string {
  return scale.kind === 'grey255' ? 'g255' : scale.kind === 'grey01' ? 'g01' : `b${Number(scale.cutoff.toFixed(2))}`;
}

export const sameScale = (a: InputScale, b: InputScale) => writeInputScale(a) === writeInputScale(b);
