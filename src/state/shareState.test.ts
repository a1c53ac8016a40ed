import { describe, expect, it } from 'vitest';
import { ARTICLE_RULE } from '../core/edgeRule';
import { CLASSIC_FILTERS } from '../core/filters';
import { createGrid } from '../core/grid';
import { detectLanguage, LANGUAGES } from '../i18n/languages';
import { DEFAULT_SPEC, validateSpec, type ModelSpec } from '../model/spec';
import { labReducer } from './labState';
import {
  DEFAULT_SHARE_STATE,
  decodeShareState,
  encodeShareState,
  formatFloat32,
  MAX_PROBLEMS,
  readSpec,
  sampleProblem,
  SHARE_KEYS,
  writeSpec,
  type ShareState,
} from './shareState';
import { DEFAULT_FOOLING } from './shareTypes';
import { quantiseStroke } from './strokeCodec';

const params = (query: string) => new URLSearchParams(query);
const roundTrip = (state: ShareState) => decodeShareState(params(encodeShareState(state).toString()));

const CUSTOM_SPEC: ModelSpec = {
  convBlocks: [
    { filters: 8, kernelSize: 5, stride: 1, padding: 'same', activation: 'tanh', pool: 'average', poolSize: 2 },
    { filters: 32, kernelSize: 3, stride: 2, padding: 'valid', activation: 'sigmoid', pool: 'none', poolSize: 2 },
    { filters: 4, kernelSize: 3, stride: 1, padding: 'same', activation: 'relu', pool: 'min', poolSize: 3 },
  ],
  dense: [
    { units: 64, activation: 'relu', dropout: 0.25 },
    { units: 16, activation: 'tanh', dropout: 0 },
  ],
};

/** A state with every setting away from its default. */
function everythingChanged(): ShareState {
  let lab = labReducer(DEFAULT_SHARE_STATE, { type: 'beginStroke', stroke: { size: 0.07, points: [[0.31, 0.22]] } });
  for (let i = 1; i < 40; i++) lab = labReducer(lab, { type: 'extendStroke', point: [0.31 + i * 0.007, 0.22 + i * 0.011] });
  lab = labReducer(lab, { type: 'beginStroke', stroke: { size: 0.12, points: [[0.5, 0.5]] } });
  lab = labReducer(lab, { type: 'setKernel', slot: 0, kernel: CLASSIC_FILTERS[0].kernel, presetId: CLASSIC_FILTERS[0].id });
  lab = labReducer(lab, {
    type: 'setKernel',
    slot: 3,
    kernel: createGrid(3, 3, Float32Array.from([0.1, -2.5, 1 / 3, 99, -99, 0, 1e-7, 7, 0.125])),
    presetId: null,
  });
  lab = labReducer(lab, { type: 'setRule', rule: { input: { kind: 'binary', cutoff: 0.35 }, comparator: '>=', threshold: -1.5 } });
  lab = labReducer(lab, { type: 'setConv', conv: { stride: 2, padding: 3 } });
  lab = labReducer(lab, { type: 'setPool', pool: { kind: 'average', padding: 'same' } });
  return {
    ...lab,
    spec: CUSTOM_SPEC,
    tab: 'training',
    lang: 'zh-CN',
    step: 12,
    presenter: true,
    attributionClass: 4,
    filterLayer: 'conv2',
    filterChannel: 30,
    mapLayer: 'pool2',
    fooling: { epsilon: 0.23, method: 'targeted', target: 6 },
  };
}

describe('shareable state: round trip', () => {
  it('encodes the defaults as an empty query and decodes it back to the defaults', () => {
    expect(encodeShareState(DEFAULT_SHARE_STATE).toString()).toBe('');
    expect(decodeShareState(params(''))).toEqual({ state: DEFAULT_SHARE_STATE, problems: [] });
  });

  it('round-trips a state with every setting changed, without a problem', () => {
    const state = everythingChanged();
    const decoded = roundTrip(state);
    expect(decoded.problems).toEqual([]);
    expect(decoded.state).toEqual(state);
  });

  it('round-trips every sample, rule preset and tab', () => {
    for (const id of [
      { digit: 0, index: 0 },
      { digit: 9, index: 1126 },
      { digit: 2, index: 1 },
    ]) {
      const state: ShareState = { ...DEFAULT_SHARE_STATE, source: { kind: 'sample', id } };
      expect(roundTrip(state)).toEqual({ state, problems: [] });
    }
    const article: ShareState = { ...DEFAULT_SHARE_STATE, rule: ARTICLE_RULE, tab: 'network', lang: 'en' };
    expect(roundTrip(article)).toEqual({ state: article, problems: [] });
    expect(encodeShareState(article).toString()).toBe('in=b0.5&cmp=gt&tab=network&lang=en');
  });

  it('keeps links short: a sample as class.index, preset filters by name', () => {
    const state: ShareState = {
      ...labReducer(DEFAULT_SHARE_STATE, { type: 'pickSample', id: { digit: 7, index: 42 } }),
      spec: DEFAULT_SPEC,
      tab: 'filters',
      lang: null,
      step: 0,
      presenter: false,
      attributionClass: null,
      filterLayer: null,
      filterChannel: 0,
      mapLayer: 'pixels',
      fooling: DEFAULT_FOOLING,
    };
    expect(encodeShareState(state).toString()).toBe('s=7.42');
    expect(encodeShareState({ ...state, fooling: { epsilon: 0.2, method: 'fgsm', target: null } }).toString()).toBe('s=7.42&fe=0.2');
    expect(encodeShareState({ ...state, attributionClass: 0 }).toString()).toBe('s=7.42&ac=0');
    expect(encodeShareState({ ...state, mapLayer: 'dense' }).toString()).toBe('s=7.42&ml=dense');
    expect(encodeShareState({ ...state, filterLayer: 'conv2', filterChannel: 4 }).toString()).toBe('s=7.42&fl=conv2&fc=5');
    expect(decodeShareState(params('fl=dense1&fc=0')).problems.map((p) => [p.key, p.reason])).toEqual([
      ['fl', 'wrong-type'],
      ['fc', 'out-of-range'],
    ]);
    const sobel = labReducer(DEFAULT_SHARE_STATE, { type: 'setKernel', slot: 1, kernel: CLASSIC_FILTERS[1].kernel, presetId: 'sobel-y' });
    expect(encodeShareState({ ...DEFAULT_SHARE_STATE, ...sobel }).toString()).toBe('f2=sobel-y');
    expect(writeSpec(DEFAULT_SPEC)).toBe('16k3s1vrm2.32k3s1vrm2_128r40');
    expect(readSpec(writeSpec(CUSTOM_SPEC))).toEqual(CUSTOM_SPEC);
  });

  it('writes kernel weights as the shortest text that reads back as the same float32', () => {
    for (const v of [0.1, 1 / 3, 1 / 9, -2.5, 99, 1e-7, 0]) {
      const f = Math.fround(v);
      expect(Math.fround(Number(formatFloat32(f)))).toBe(f);
    }
    expect(formatFloat32(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat32(Math.fround(1 / 3))).toBe('0.33333334');
  });

  it('leaves an architecture the editor refuses out of the link, and keeps a valid one', () => {
    const shrunk: ModelSpec = { ...DEFAULT_SPEC, convBlocks: Array.from({ length: 3 }, () => ({ ...DEFAULT_SPEC.convBlocks[0], kernelSize: 7, stride: 3 })) };
    expect(validateSpec(shrunk).ok).toBe(false);
    const link = encodeShareState({ ...DEFAULT_SHARE_STATE, spec: shrunk, tab: 'training' });
    expect(link.has('arch')).toBe(false);
    expect(decodeShareState(link).problems).toEqual([]);
    const valid: ModelSpec = { ...DEFAULT_SPEC, convBlocks: [{ ...DEFAULT_SPEC.convBlocks[0], filters: 12 }] };
    expect(validateSpec(valid).ok).toBe(true);
    expect(roundTrip({ ...DEFAULT_SHARE_STATE, spec: valid }).state.spec).toEqual(valid);
  });

  it('never puts an uploaded picture in a link: the input falls back to the default sample', () => {
    const state: ShareState = { ...DEFAULT_SHARE_STATE, source: { kind: 'upload', name: 'digit.png', image: createGrid(28, 28) }, tab: 'network' };
    expect(encodeShareState(state).toString()).toBe('tab=network');
    expect(roundTrip(state).state.source).toEqual(DEFAULT_SHARE_STATE.source);
  });

  it('a drawing restores exactly, and an empty pad stays an empty pad', () => {
    const drawn = everythingChanged();
    const decoded = roundTrip(drawn).state.source;
    expect(decoded).toEqual(drawn.source);
    const off = { size: 0.0833, points: [[0.1234, 0.5678]] as [number, number][] };
    expect(roundTrip({ ...DEFAULT_SHARE_STATE, source: { kind: 'drawing', strokes: [off] } }).state.source).toEqual({
      kind: 'drawing',
      strokes: [quantiseStroke(off)],
    });
    const empty: ShareState = { ...DEFAULT_SHARE_STATE, source: { kind: 'drawing', strokes: [] } };
    expect(roundTrip(empty)).toEqual({ state: empty, problems: [] });
  });

  it('reads every language of the app, in each spelling the README documents, with the i18n parser', () => {
    for (const language of LANGUAGES)
      expect(decodeShareState(params(`lang=${language}`))).toEqual({ state: { ...DEFAULT_SHARE_STATE, lang: language }, problems: [] });
    for (const [raw, lang] of [
      ['zh', 'zh-CN'],
      ['zh-cn', 'zh-CN'],
      ['ZH-Hans-CN', 'zh-CN'],
      ['en', 'en'],
      ['en-GB', 'en'],
    ] as const) {
      const decoded = decodeShareState(params(`lang=${raw}`));
      expect(decoded.problems, raw).toEqual([]);
      expect(decoded.state.lang, raw).toBe(lang);
      expect(decoded.state.lang, raw).toBe(detectLanguage(`?lang=${raw}`, null, []));
    }
    const unknown = decodeShareState(params('lang=fr'));
    expect(unknown.state.lang).toBeNull();
    expect(unknown.problems.map((p) => p.key)).toEqual(['lang']);
  });
});

/** Decodes one key and returns the problems and the state. */
const one = (key: string, value: string) => decodeShareState(params(`${key}=${encodeURIComponent(value)}`));

describe('shareable state: bad values fall back to their defaults', () => {
  const HUGE = '9'.repeat(20_000);
  // For every key: values that are out of range, of the wrong type, and huge.
  const BAD: Record<string, { outOfRange: string[]; wrongType: string[] }> = {
    s: { outOfRange: ['10.0', '3.10000'], wrongType: ['x', '3', '3.-1', '3.1.2', '', '3.5e2'] },
    d: { outOfRange: [Buffer.from([1, 65, 0]).toString('base64url')], wrongType: ['not a drawing', 'AAAA', '!'] },
    f1: {
      outOfRange: ['100_0_0_0_0_0_0_0_0', '1_1_1_1_1_1_1_1_-99.5'],
      wrongType: ['sobel', '1_2_3', '1_2_3_4_5_6_7_8_x', 'Infinity_0_0_0_0_0_0_0_0', 'NaN_0_0_0_0_0_0_0_0'],
    },
    f2: { outOfRange: ['0_0_0_0_0_0_0_0_-100'], wrongType: ['custom'] },
    f3: { outOfRange: ['0_0_0_0_0_0_0_0_120'], wrongType: ['__proto__'] },
    f4: { outOfRange: ['99.1_0_0_0_0_0_0_0_0'], wrongType: ['constructor'] },
    in: { outOfRange: ['b0.99', 'b0.01', 'b0.33'], wrongType: ['grey', 'b', 'b1', 'g2'] },
    cmp: { outOfRange: [], wrongType: ['>', 'lt', 'GT'] },
    th: { outOfRange: ['2000', '-256', '2.5'], wrongType: ['two', '1e3', '', '0x10'] },
    st: { outOfRange: ['0', '4', '-1'], wrongType: ['1.5', 'one', ''] },
    pad: { outOfRange: ['4', '-1'], wrongType: ['same', '0.5'] },
    pk: { outOfRange: [], wrongType: ['median', 'average', 'toString'] },
    pe: { outOfRange: [], wrongType: ['full', 'hasOwnProperty'] },
    arch: {
      outOfRange: ['16k3s1vrm2.16k3s1vrm2.16k3s1vrm2.16k3s1vrm2.16k3s1vrm2_', '999k3s1vrm2_', '16k9s4vrm4.16k9s1vrm4_', '16k3s1vrm2_128r95'],
      wrongType: ['default', '16k3s1vrm2', '16k3s1vxm2_', '16k3s1vrm2_128q40', '_128r40'],
    },
    tab: { outOfRange: [], wrongType: ['settings', '2', 'Filters'] },
    lang: { outOfRange: [], wrongType: ['fr', 'zhx', 'english', ''] },
    step: { outOfRange: ['1000', '-1'], wrongType: ['first', '1.5'] },
    pm: { outOfRange: [], wrongType: ['yes', 'true', '2'] },
    ac: { outOfRange: ['10', '-1'], wrongType: ['seven', '1.5'] },
    fl: { outOfRange: ['conv5', 'conv0'], wrongType: ['dense1', 'Conv1', ''] },
    fc: { outOfRange: ['0', '129', '-1'], wrongType: ['three', '1.5'] },
    ml: { outOfRange: [], wrongType: ['pool5', 'Dense', 'conv1', 'toString'] },
    fe: { outOfRange: ['0.51', '3'], wrongType: ['0.123', '-0.1', 'big', '.2'] },
    fm: { outOfRange: [], wrongType: ['targeted', 'pgd'] },
    ft: { outOfRange: ['10', '-1'], wrongType: ['eight', '2.5'] },
  };

  it('covers every key of the schema', () => {
    expect(Object.keys(BAD).sort()).toEqual([...SHARE_KEYS].sort());
  });

  it.each(Object.entries(BAD))('%s: each bad value resets the setting and is reported', (key, { outOfRange, wrongType }) => {
    const cases: [string, string][] = [
      ...outOfRange.map((v) => [v, 'out-of-range'] as [string, string]),
      ...wrongType.map((v) => [v, 'wrong-type'] as [string, string]),
      [HUGE, 'too-long'],
    ];
    for (const [value, reason] of cases) {
      const decoded = one(key, value);
      expect(decoded.problems, `${key}=${value.slice(0, 40)}`).toEqual([{ key, reason }]);
      expect(decoded.state, `${key}=${value.slice(0, 40)}`).toEqual(DEFAULT_SHARE_STATE);
    }
  });

  it('checks each key on its own: good keys survive next to bad ones', () => {
    const { state, problems } = decodeShareState(params('s=4.7&st=9&pad=2&pk=min&th=abc&tab=network'));
    expect(state.source).toEqual({ kind: 'sample', id: { digit: 4, index: 7 } });
    expect(state.conv).toEqual({ stride: 1, padding: 2 });
    expect(state.pool.kind).toBe('min');
    expect(state.rule.threshold).toBe(2);
    expect(state.tab).toBe('network');
    expect(problems).toEqual([
      { key: 'th', reason: 'wrong-type' },
      { key: 'st', reason: 'out-of-range' },
    ]);
  });

  it('checks the threshold against the slider of the input scale in the link', () => {
    expect(decodeShareState(params('th=500')).state.rule.threshold).toBe(500);
    expect(decodeShareState(params('in=g01&th=500')).problems).toEqual([{ key: 'th', reason: 'out-of-range' }]);
    expect(decodeShareState(params('in=g01&th=-2.5')).state.rule).toEqual({ input: { kind: 'grey01' }, comparator: '>=', threshold: -2.5 });
  });

  it('reports unknown keys (cut short) and ignores them', () => {
    const long = 'k'.repeat(300);
    const { state, problems } = decodeShareState(params(`foo=1&${long}=2&__proto__=x&st=2`));
    expect(state).toEqual({ ...DEFAULT_SHARE_STATE, conv: { stride: 2, padding: 0 } });
    expect(problems).toEqual([
      { key: 'foo', reason: 'unknown-key' },
      { key: `${'k'.repeat(24)}…`, reason: 'unknown-key' },
      { key: '__proto__', reason: 'unknown-key' },
    ]);
  });

  it('rejects a key given twice, and a drawing next to a sample', () => {
    expect(decodeShareState(params('st=2&st=3'))).toEqual({ state: DEFAULT_SHARE_STATE, problems: [{ key: 'st', reason: 'repeated' }] });
    const both = decodeShareState(params(`s=5.1&d=${encodeShareState({ ...DEFAULT_SHARE_STATE, source: { kind: 'drawing', strokes: [] } }).get('d')}`));
    expect(both.state.source).toEqual({ kind: 'sample', id: { digit: 5, index: 1 } });
    expect(both.problems).toEqual([{ key: 'd', reason: 'conflict' }]);
  });

  it('stays bounded on a flood of junk keys', () => {
    const flood = Array.from({ length: 5000 }, (_, i) => `junk${i}=1`).join('&');
    const { state, problems } = decodeShareState(params(flood));
    expect(state).toEqual(DEFAULT_SHARE_STATE);
    expect(problems).toHaveLength(MAX_PROBLEMS);
  });

  it('reports a sample the loaded data does not have', () => {
    const counts = Array.from({ length: 10 }, () => 1000);
    const at = (index: number): ShareState => ({ ...DEFAULT_SHARE_STATE, source: { kind: 'sample', id: { digit: 3, index } } });
    expect(sampleProblem(at(999), counts)).toBeNull();
    expect(sampleProblem(at(1000), counts)).toEqual({ key: 's', reason: 'missing-sample' });
    expect(sampleProblem({ ...DEFAULT_SHARE_STATE, source: { kind: 'drawing', strokes: [] } }, counts)).toBeNull();
  });
});
