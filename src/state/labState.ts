import type { Grid } from '../core/grid';
import type { Stroke } from '../core/stroke';
import type { ConvOptions } from '../core/convolve';
import type { EdgeRule } from '../core/edgeRule';
import { ARTICLE_RULE, NOTEBOOK_RULE } from '../core/edgeRule';
import type { PoolOptions } from '../core/pool';
import { DEFAULT_POOL } from '../core/pool';
import { ARTICLE_FILTERS } from '../core/filters';
import { DEFAULT_SAMPLE, type SampleId } from '../data/split';
import { quantisePoint, quantiseStroke } from './strokeCodec';

/** The pad's stroke type lives in core, so the painters and the link codec need not import the lab state. */
export type { Stroke };

/** Where the current input digit comes from. */
export type InputSource =
  | { readonly kind: 'sample'; readonly id: SampleId }
  | { readonly kind: 'drawing'; readonly strokes: readonly Stroke[] }
  | { readonly kind: 'upload'; readonly name: string; readonly image: Grid };

/** A filter slot of the edge-filter lab: its kernel and the preset it came from, if any. */
export interface FilterSlot {
  readonly kernel: Grid;
  readonly presetId: string | null;
}

/** Everything the user can set in the edge-filter experiment. */
export interface LabState {
  readonly source: InputSource;
  readonly filters: readonly FilterSlot[];
  readonly rule: EdgeRule;
  readonly conv: ConvOptions;
  readonly pool: PoolOptions;
}

/** Default brush: about 1/12 of the pad's width, so strokes come out as thick as MNIST's. */
export const DEFAULT_BRUSH = 1 / 12;

export const INITIAL_LAB_STATE: LabState = {
  source: { kind: 'sample', id: DEFAULT_SAMPLE },
  filters: ARTICLE_FILTERS.map((f) => ({ kernel: f.kernel, presetId: f.id })),
  rule: NOTEBOOK_RULE,
  conv: { stride: 1, padding: 0 },
  pool: DEFAULT_POOL,
};

export type LabAction =
  | { type: 'pickSample'; id: SampleId }
  | { type: 'upload'; name: string; image: Grid }
  | { type: 'beginStroke'; stroke: Stroke }
  /** A whole stroke, once the pen lifts (the pad shows it live from the input store meanwhile). */
  | { type: 'addStroke'; stroke: Stroke }
  | { type: 'extendStroke'; point: readonly [number, number] }
  | { type: 'undoStroke' }
  | { type: 'clearDrawing' }
  | { type: 'setKernel'; slot: number; kernel: Grid; presetId: string | null }
  | { type: 'resetFilters' }
  | { type: 'setRule'; rule: EdgeRule }
  | { type: 'usePreset'; preset: 'notebook' | 'article' }
  | { type: 'setConv'; conv: Partial<ConvOptions> }
  | { type: 'setPool'; pool: Partial<PoolOptions> };

/** The strokes of the current drawing (none when the input is not a drawing). */
export function currentStrokes(source: InputSource): readonly Stroke[] {
  return source.kind === 'drawing' ? source.strokes : [];
}

/** Pure state transitions of the lab. */
export function labReducer(state: LabState, action: LabAction): LabState {
  switch (action.type) {
    case 'pickSample':
      return { ...state, source: { kind: 'sample', id: action.id } };
    case 'upload':
      return { ...state, source: { kind: 'upload', name: action.name, image: action.image } };
    case 'beginStroke':
    case 'addStroke':
      // Drawing over a sample or an upload starts a fresh drawing. Pen positions are kept on
      // the grid a shared link stores, so a link restores exactly this drawing.
      return { ...state, source: { kind: 'drawing', strokes: [...currentStrokes(state.source), quantiseStroke(action.stroke)] } };
    case 'extendStroke': {
      const strokes = currentStrokes(state.source);
      if (strokes.length === 0) return state;
      const last = strokes[strokes.length - 1];
      const extended: Stroke = { ...last, points: [...last.points, quantisePoint(action.point)] };
      return { ...state, source: { kind: 'drawing', strokes: [...strokes.slice(0, -1), extended] } };
    }
    case 'undoStroke':
      if (state.source.kind !== 'drawing') return state;
      return { ...state, source: { kind: 'drawing', strokes: state.source.strokes.slice(0, -1) } };
    case 'clearDrawing':
      return { ...state, source: { kind: 'drawing', strokes: [] } };
    case 'setKernel':
      return {
        ...state,
        filters: state.filters.map((f, i) => (i === action.slot ? { kernel: action.kernel, presetId: action.presetId } : f)),
      };
    case 'resetFilters':
      return { ...state, filters: INITIAL_LAB_STATE.filters };
    case 'setRule':
      return { ...state, rule: action.rule };
    case 'usePreset':
      return { ...state, rule: action.preset === 'notebook' ? NOTEBOOK_RULE : ARTICLE_RULE };
    case 'setConv':
      return { ...state, conv: { ...state.conv, ...action.conv } };
    case 'setPool':
      return { ...state, pool: { ...state.pool, ...action.pool } };
  }
}
