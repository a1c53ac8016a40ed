/**
 * The link schema: every key a link may carry, in the order keys are read and written, each
 * with its longest accepted value, its codec and its default (see ./shareState.ts for the list).
 */
import { NOTEBOOK_RULE } from '../core/edgeRule';
import { ARTICLE_FILTERS, CLASSIC_FILTERS } from '../core/filters';
import { createGrid } from '../core/grid';
import type { PoolKind, PoolOptions } from '../core/pool';
import type { Comparator } from '../core/threshold';
import { DEFAULT_SAMPLE } from '../data/split';
import { parseLanguage } from '../i18n/languages';
import { MAP_LAYER_IDS, type MapLayerId } from '../model/digitMap/mapLayers';
import { DEFAULT_SPEC, validateSpec } from '../model/spec';
import { INITIAL_LAB_STATE, type FilterSlot } from './labState';
import {
  DECIMAL,
  formatFloat32,
  isReason,
  readInputScale,
  readInt,
  sameScale,
  sameWeights,
  WEIGHT,
  writeInputScale,
  type ShareProblemReason,
} from './shareValues';
import {
  DEFAULT_FOOLING,
  DEFAULT_SHARE_STATE,
  MAX_FOOLING_EPSILON,
  MAX_SAMPLE_INDEX,
  MAX_WEIGHT,
  THRESHOLD_LIMITS,
  type FoolingView,
  type ShareState,
  type TabId,
} from './shareTypes';
import { readSpec, writeSpec } from './specCodec';
import { decodeStrokes, encodeStrokes } from './strokeCodec';

const PRESETS = [...ARTICLE_FILTERS, ...CLASSIC_FILTERS];

type Read = ShareState | ShareProblemReason;

/** One key of the schema: its longest accepted value, how to read it, how to write it. */
export interface Field {
  readonly key: string;
  readonly maxLength: number;
  /** The state with this key's value applied, or why the value was rejected. */
  readonly read: (raw: string, state: ShareState) => Read;
  /** The value to put in a link, or null when the state holds the default. */
  readonly write: (state: ShareState) => string | null;
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

const withState = <T>(value: T | ShareProblemReason, apply: (v: T) => ShareState): Read => (isReason(value) ? value : apply(value as T));

/** The schema, in the order keys are read and written (later keys may depend on earlier ones). */
export const FIELDS: readonly Field[] = [
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
  enumField<Comparator>(
    'cmp',
    { gt: '>', ge: '>=' },
    (s) => s.rule.comparator,
    (s, comparator) => ({ ...s, rule: { ...s.rule, comparator } }),
  ),
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
  enumField<PoolKind>(
    'pk',
    { max: 'max', avg: 'average', min: 'min' },
    (s) => s.pool.kind,
    (s, kind) => ({ ...s, pool: { ...s.pool, kind } }),
  ),
  enumField<PoolOptions['padding']>(
    'pe',
    { valid: 'valid', same: 'same' },
    (s) => s.pool.padding,
    (s, padding) => ({ ...s, pool: { ...s.pool, padding } }),
  ),
  {
    key: 'arch',
    maxLength: 120,
    read: (raw, state) => withState(readSpec(raw), (spec) => ({ ...state, spec })),
    write: (state) => {
      // A network the editor refuses (e.g. a map shrunk below 1x1) cannot be built: a link to it
      // would only open with a warning, so the link leaves the architecture out.
      if (!validateSpec(state.spec).ok) return null;
      const text = writeSpec(state.spec);
      return text === writeSpec(DEFAULT_SPEC) ? null : text;
    },
  },
  enumField<TabId>(
    'tab',
    { filters: 'filters', network: 'network', training: 'training', lessons: 'lessons', learned: 'learned' },
    (s) => s.tab,
    (s, tab) => ({ ...s, tab }),
  ),
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
  enumField<boolean>(
    'pm',
    { '1': true, '0': false },
    (s) => s.presenter,
    (s, presenter) => ({ ...s, presenter }),
  ),
  {
    key: 'ac',
    maxLength: 8,
    read: (raw, state) => withState(readInt(raw, 0, 9), (attributionClass) => ({ ...state, attributionClass })),
    write: (state) => (state.attributionClass === null ? null : String(state.attributionClass)),
  },
  {
    key: 'fl',
    maxLength: 8,
    read: (raw, state) => (/^conv[1-4]$/.test(raw) ? { ...state, filterLayer: raw } : /^conv\d{1,3}$/.test(raw) ? 'out-of-range' : 'wrong-type'),
    write: (state) => state.filterLayer,
  },
  {
    key: 'fc',
    maxLength: 8,
    read: (raw, state) => withState(readInt(raw, 1, 128), (channel) => ({ ...state, filterChannel: channel - 1 })),
    write: (state) => (state.filterChannel === 0 ? null : String(state.filterChannel + 1)),
  },
  enumField<MapLayerId>(
    'ml',
    Object.fromEntries(MAP_LAYER_IDS.map((id) => [id, id])),
    (s) => s.mapLayer,
    (s, mapLayer) => ({ ...s, mapLayer }),
  ),
  {
    key: 'fe',
    maxLength: 8,
    read: (raw, state) => withState(readEpsilon(raw), (epsilon) => ({ ...state, fooling: { ...state.fooling, epsilon } })),
    write: (state) => (state.fooling.epsilon === DEFAULT_FOOLING.epsilon ? null : String(state.fooling.epsilon)),
  },
  enumField<FoolingView['method']>(
    'fm',
    { fgsm: 'fgsm', target: 'targeted' },
    (s) => s.fooling.method,
    (s, method) => ({ ...s, fooling: { ...s.fooling, method } }),
  ),
  {
    key: 'ft',
    maxLength: 8,
    read: (raw, state) => withState(readInt(raw, 0, 9), (target) => ({ ...state, fooling: { ...state.fooling, target } })),
    write: (state) => (state.fooling.target === null ? null : String(state.fooling.target)),
  },
];

/** An epsilon of the fooling panel: 0 to 0.5 with at most two decimals (its slider's steps). */
function readEpsilon(raw: string): number | ShareProblemReason {
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(raw)) return 'wrong-type';
  const value = Number(raw);
  return value > MAX_FOOLING_EPSILON ? 'out-of-range' : value;
}
