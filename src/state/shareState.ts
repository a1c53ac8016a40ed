/**
 * The shareable view: one typed schema for everything a link carries, with a codec and a
 * default per key. `encodeShareState` writes only what differs from the defaults (plus the
 * language); `decodeShareState` checks every key on its own, so one bad value resets that
 * setting alone and is reported, and the page never breaks on a tampered link.
 *
 * Keys (all optional):
 *   s     MNIST sample `<digit>.<index>`             d     a drawing (see strokeCodec)
 *   f1-f4 filter N: a preset id or 9 weights `a_b_…`  in    input scale g255 | g01 | b<cutoff>
 *   cmp   comparator gt | ge                          th    threshold
 *   st    stride 1-3     pad  zero padding 0-3        pk    pooling max | avg | min
 *   pe    pooling edge valid | same                   arch  the trainable network (see below)
 *   tab   filters | network | training | lessons           lang  en | zh-CN
 *   step  lesson step (integer >= 0)                  pm    presenter mode, 1
 * An uploaded picture never goes into a link: its state encodes as the default input.
 */
import { NOTEBOOK_RULE } from '../core/edgeRule';
import { ARTICLE_FILTERS, CLASSIC_FILTERS } from '../core/filters';
import { createGrid } from '../core/grid';
import type { InputScale } from '../core/inputScale';
import type { PoolKind, PoolOptions } from '../core/pool';
import type { Comparator } from '../core/threshold';
import { DEFAULT_SAMPLE } from '../data/split';
import { parseLanguage, type Language } from '../i18n/languages';
import { DEFAULT_SPEC, validateSpec, type Activation, type ConvBlockSpec, type DenseSpec, type ModelSpec, type Pooling } from '../model/spec';
import { INITIAL_LAB_STATE, type FilterSlot, type LabState } from './labState';
import { decodeStrokes, encodeStrokes } from './strokeCodec';

/** The views of the app, in tab order. */
export const TAB_IDS = ['filters', 'network', 'training', 'lessons'] as const;
export type TabId = (typeof TAB_IDS)[number];

/** Everything a link carries: the edge-filter lab, the network design, and the view. */
export interface ShareState extends LabState {
  readonly spec: ModelSpec;
  readonly tab: TabId;
  /** The language the view is in; null when the link does not say (the browser decides). */
  readonly lang: Language | null;
  /** Step of a lesson, 0 when none. */
  readonly step: number;
  readonly presenter: boolean;
}

export const DEFAULT_SHARE_STATE: ShareState = Object.freeze({
  ...INITIAL_LAB_STATE,
  spec: DEFAULT_SPEC,
  tab: 'filters',
  lang: null,
  step: 0,
  presenter: false,
});

/**
 * Why a key was not used: `unknown-key` (not part of the schema), `repeated` (given more than
 * once), `too-long`, `wrong-type` (not the expected kind of value), `out-of-range`,
 * `conflict` (e.g. both a sample and a drawing), `missing-sample` (no such MNIST digit; found
 * once the data is loaded, see {@link sampleProblem}).
 */
export type ShareProblemReason = 'unknown-key' | 'repeated' | 'too-long' | 'wrong-type' | 'out-of-range' | 'conflict' | 'missing-sample';

export interface ShareProblem {
  /** The key as given in the link (unknown keys are cut to {@link MAX_KEY_SHOWN} characters). */
  readonly key: string;
  readonly reason: ShareProblemReason;
}

export interface DecodedShareState {
  readonly state: ShareState;
  readonly problems: readonly ShareProblem[];
}

/** Longest unknown key quoted back in a problem. */
export const MAX_KEY_SHOWN = 24;
/** At most this many problems are reported (a link with thousands of junk keys stays readable). */
export const MAX_PROBLEMS = 20;
/** Keys beyond this many are not looked at. */
const MAX_PARAMS = 200;

/** Largest threshold magnitude for each input scale (the slider's range, see RuleControls). */
export const THRESHOLD_LIMITS: Record<InputScale['kind'], { min: number; max: number; step: number }> = {
  grey255: { min: -255, max: 1020, step: 1 },
  grey01: { min: -6, max: 6, step: 0.5 },
  binary: { min: -6, max: 6, step: 0.5 },
};

/** Largest index within a class any MNIST asset could have; the loaded data narrows it. */
const MAX_SAMPLE_INDEX = 9999;
/** Largest magnitude of a kernel weight (the kernel editor's limit). */
const MAX_WEIGHT = 99;
const PRESETS = [...ARTICLE_FILTERS, ...CLASSIC_FILTERS];

type Read = ShareState | ShareProblemReason;

/** One key of the schema: its longest accepted value, how to read it, how to write it. */
interface Field {
  readonly key: string;
  readonly maxLength: number;
  /** The state with this key's value applied, or why the value was rejected. */
  readonly read: (raw: string, state: ShareState) => Read;
  /** The value to put in a link, or null when the state holds the default. */
  readonly write: (state: ShareState) => string | null;
}

const INTEGER = /^-?\d{1,6}$/;
const DECIMAL = /^-?\d{1,6}(\.\d{1,8})?$/;
const WEIGHT = /^-?\d{1,3}(\.\d{1,9})?(e-\d{1,2})?$/;

/** Reads an integer in [lo, hi]. */
function readInt(raw: string, lo: number, hi: number): number | ShareProblemReason {
  if (!INTEGER.test(raw)) return 'wrong-type';
  const n = Number(raw);
  return n < lo || n > hi ? 'out-of-range' : n;
}

/** A value out of a fixed list of codes. */
function enumField<T>(key: string, codes: Record<string, T>, get: (s: ShareState) => T, set: (s: ShareState, v: T) => ShareState): Field {
  const entries = Object.entries(codes);
  const fallback = get(DEFAULT_SHARE_STATE);
  return {
    key,
    maxLength: 16,
    read: (raw, state) => (Object.hasOwn(codes, raw) ? set(state, codes[raw]) : 'wrong-type'),
    write: (state) => {
      const value = get(state);
      return value === fallback ? null : (entries.find(([, v]) => v === value)?.[0] ?? null);
    },
  };
}

/** The shortest decimal text that reads back as exactly the same float32 (kernels are float32). */
export function formatFloat32(v: number): string {
  for (let p = 1; p <= 9; p++) {
    const text = String(Number(v.toPrecision(p)));
    if (Math.fround(Number(text)) === v) return text;
  }
  return String(v);
}

function sameWeights(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function filterField(slot: number): Field {
  const fallback = INITIAL_LAB_STATE.filters[slot];
  const setSlot = (state: ShareState, value: FilterSlot): ShareState => ({ ...state, filters: state.filters.map((f, i) => (i === slot ? value : f)) });
  return {
    key: `f${slot + 1}`,
    maxLength: 160,
    read: (raw, state) => {
      const preset = PRESETS.find((p) => p.id === raw);
      if (preset) return setSlot(state, { kernel: preset.kernel, presetId: preset.id });
      const parts = raw.split('_');
      if (parts.length !== 9 || !parts.every((p) => WEIGHT.test(p))) return 'wrong-type';
      const weights = parts.map(Number);
      if (!weights.every((w) => Number.isFinite(w) && Math.abs(w) <= MAX_WEIGHT)) return 'out-of-range';
      return setSlot(state, { kernel: createGrid(3, 3, Float32Array.from(weights)), presetId: null });
    },
    write: (state) => {
      const f = state.filters[slot];
      if (!f || (f.presetId === fallback.presetId && sameWeights(f.kernel.data, fallback.kernel.data))) return null;
      const preset = f.presetId ? PRESETS.find((p) => p.id === f.presetId) : undefined;
      if (preset && sameWeights(preset.kernel.data, f.kernel.data)) return preset.id;
      return Array.from(f.kernel.data, formatFloat32).join('_');
    },
  };
}

const INPUT_SCALE = /^(g255|g01|b(0\.\d{1,2}))$/;

function readInputScale(raw: string): InputScale | ShareProblemReason {
  const match = INPUT_SCALE.exec(raw);
  if (!match) return 'wrong-type';
  if (match[1] === 'g255') return { kind: 'grey255' };
  if (match[1] === 'g01') return { kind: 'grey01' };
  const cutoff = Number(match[2]);
  // The cut-off slider's range and steps: 0.05 to 0.95 by 0.05.
  if (cutoff < 0.05 || cutoff > 0.95 || Math.abs(cutoff * 20 - Math.round(cutoff * 20)) > 1e-9) return 'out-of-range';
  return { kind: 'binary', cutoff };
}

function writeInputScale(scale: InputScale): string {
  return scale.kind === 'grey255' ? 'g255' : scale.kind === 'grey01' ? 'g01' : `b${Number(scale.cutoff.toFixed(2))}`;
}

const sameScale = (a: InputScale, b: InputScale) => writeInputScale(a) === writeInputScale(b);

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

const withState = <T>(value: T | ShareProblemReason, apply: (v: T) => ShareState): Read => (isReason(value) ? value : apply(value as T));

const REASONS: readonly string[] = ['unknown-key', 'repeated', 'too-long', 'wrong-type', 'out-of-range', 'conflict', 'missing-sample'];
function isReason(value: unknown): value is ShareProblemReason {
  return typeof value === 'string' && REASONS.includes(value);
}

/** The schema, in the order keys are read and written (later keys may depend on earlier ones). */
const FIELDS: readonly Field[] = [
  {
    key: 's',
    maxLength: 8,
    read: (raw, state) => {
      const m = /^(\d{1,2})\.(\d{1,5})$/.exec(raw);
      if (!m) return 'wrong-type';
      const digit = Number(m[1]);
      const index = Number(m[2]);
      if (digit > 9 || index > MAX_SAMPLE_INDEX) return 'out-of-range';
      return { ...state, source: { kind: 'sample', id: { digit, index } } };
    },
    write: (state) => {
      const { source } = state;
      if (source.kind !== 'sample' || (source.id.digit === DEFAULT_SAMPLE.digit && source.id.index === DEFAULT_SAMPLE.index)) return null;
      return `${source.id.digit}.${source.id.index}`;
    },
  },
  {
    key: 'd',
    // About 4,000 bytes, some 2,000 points of pen movement: far more than a digit needs (a
    // digit takes a few hundred), and the whole link stays under the 8 KB many servers accept.
    maxLength: 6_000,
    read: (raw, state) => {
      const decoded = decodeStrokes(raw);
      if (!decoded.ok) return decoded.error;
      return { ...state, source: { kind: 'drawing', strokes: decoded.strokes } };
    },
    write: (state) => (state.source.kind === 'drawing' ? encodeStrokes(state.source.strokes) : null),
  },
  ...INITIAL_LAB_STATE.filters.map((_, slot) => filterField(slot)),
  {
    key: 'in',
    maxLength: 8,
    read: (raw, state) => withState(readInputScale(raw), (input) => ({ ...state, rule: { ...state.rule, input } })),
    write: (state) => (sameScale(state.rule.input, NOTEBOOK_RULE.input) ? null : writeInputScale(state.rule.input)),
  },
  enumField<Comparator>('cmp', { gt: '>', ge: '>=' }, (s) => s.rule.comparator, (s, comparator) => ({ ...s, rule: { ...s.rule, comparator } })),
  {
    key: 'th',
    maxLength: 12,
    read: (raw, state) => {
      if (!DECIMAL.test(raw)) return 'wrong-type';
      const threshold = Number(raw);
      const { min, max, step } = THRESHOLD_LIMITS[state.rule.input.kind];
      const onStep = Math.abs(threshold / step - Math.round(threshold / step)) < 1e-9;
      if (threshold < min || threshold > max || !onStep) return 'out-of-range';
      return { ...state, rule: { ...state.rule, threshold } };
    },
    write: (state) => (state.rule.threshold === NOTEBOOK_RULE.threshold ? null : String(state.rule.threshold)),
  },
  {
    key: 'st',
    maxLength: 8,
    read: (raw, state) => withState(readInt(raw, 1, 3), (stride) => ({ ...state, conv: { ...state.conv, stride } })),
    write: (state) => (state.conv.stride === INITIAL_LAB_STATE.conv.stride ? null : String(state.conv.stride)),
  },
  {
    key: 'pad',
    maxLength: 8,
    read: (raw, state) => withState(readInt(raw, 0, 3), (padding) => ({ ...state, conv: { ...state.conv, padding } })),
    write: (state) => (state.conv.padding === INITIAL_LAB_STATE.conv.padding ? null : String(state.conv.padding)),
  },
  enumField<PoolKind>('pk', { max: 'max', avg: 'average', min: 'min' }, (s) => s.pool.kind, (s, kind) => ({ ...s, pool: { ...s.pool, kind } })),
  enumField<PoolOptions['padding']>('pe', { valid: 'valid', same: 'same' }, (s) => s.pool.padding, (s, padding) => ({ ...s, pool: { ...s.pool, padding } })),
  {
    key: 'arch',
    maxLength: 120,
    read: (raw, state) => withState(readSpec(raw), (spec) => ({ ...state, spec })),
    write: (state) => {
      const text = writeSpec(state.spec);
      return text === writeSpec(DEFAULT_SPEC) ? null : text;
    },
  },
  enumField<TabId>('tab', { filters: 'filters', network: 'network', training: 'training', lessons: 'lessons' }, (s) => s.tab, (s, tab) => ({ ...s, tab })),
  {
    key: 'lang',
    maxLength: 16,
    read: (raw, state) => {
      const lang = parseLanguage(raw);
      return lang ? { ...state, lang } : 'wrong-type';
    },
    write: (state) => state.lang,
  },
  {
    key: 'step',
    maxLength: 8,
    read: (raw, state) => withState(readInt(raw, 0, 999), (step) => ({ ...state, step })),
    write: (state) => (state.step === 0 ? null : String(state.step)),
  },
  enumField<boolean>('pm', { '1': true, '0': false }, (s) => s.presenter, (s, presenter) => ({ ...s, presenter })),
];

/** Every key the schema knows, in link order. */
export const SHARE_KEYS: readonly string[] = FIELDS.map((f) => f.key);

/** A link's query for a state: only non-default settings (and the language), in schema order. */
export function encodeShareState(state: ShareState): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = field.write(state);
    if (value !== null) params.set(field.key, value);
  }
  return params;
}

/**
 * The state a link describes. Each key is checked on its own: a missing key keeps its
 * default; a bad one (unknown, repeated, too long, wrong type, out of range) keeps its default
 * and is listed in `problems`. Never throws.
 */
export function decodeShareState(params: URLSearchParams): DecodedShareState {
  let state: ShareState = DEFAULT_SHARE_STATE;
  const problems: ShareProblem[] = [];
  const applied = new Set<string>();
  const report = (key: string, reason: ShareProblemReason) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ key, reason });
  };

  const given = new Map<string, string[]>();
  let seen = 0;
  for (const [key, value] of params) {
    if (++seen > MAX_PARAMS) break;
    const values = given.get(key);
    if (values) values.push(value);
    else given.set(key, [value]);
  }

  for (const key of given.keys()) {
    if (!SHARE_KEYS.includes(key)) report(key.length > MAX_KEY_SHOWN ? `${key.slice(0, MAX_KEY_SHOWN)}…` : key, 'unknown-key');
  }
  for (const field of FIELDS) {
    const values = given.get(field.key);
    if (!values) continue;
    if (values.length > 1) {
      report(field.key, 'repeated');
      continue;
    }
    const raw = values[0];
    if (raw.length > field.maxLength) {
      report(field.key, 'too-long');
      continue;
    }
    if (field.key === 'd' && applied.has('s')) {
      // A link names either a sample or a drawing; with both, the sample wins.
      report('d', 'conflict');
      continue;
    }
    const next = field.read(raw, state);
    if (isReason(next)) report(field.key, next);
    else {
      state = next;
      applied.add(field.key);
    }
  }
  return { state, problems };
}

/**
 * The problem with a link's sample once the MNIST data is known: null when the class has a
 * digit at that index, else a `missing-sample` problem for key `s`.
 */
export function sampleProblem(state: LabState, classCount: ArrayLike<number>): ShareProblem | null {
  if (state.source.kind !== 'sample') return null;
  const { digit, index } = state.source.id;
  return index < (classCount[digit] ?? 0) ? null : { key: 's', reason: 'missing-sample' };
}

/** The parts of a shared state the edge-filter lab keeps. */
export function labStateOf(state: ShareState): LabState {
  const { source, filters, rule, conv, pool } = state;
  return { source, filters, rule, conv, pool };
}

/** Whether a link to this state leaves something out (an uploaded picture is never shared). */
export function linkOmitsInput(state: LabState): boolean {
  return state.source.kind === 'upload';
}
