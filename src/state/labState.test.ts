import { describe, expect, it } from 'vitest';
import { ARTICLE_RULE, NOTEBOOK_RULE } from '../core/edgeRule';
import { createGrid } from '../core/grid';
import { INITIAL_LAB_STATE, labReducer, type LabState } from './labState';

const stroke = (x: number) => ({ size: 0.08, points: [[x, 0.1]] as [number, number][] });

describe('lab state', () => {
  it('starts on the first "2" with the Notebook rule, stride 1, no padding, 2x2 max pooling', () => {
    expect(INITIAL_LAB_STATE.source).toEqual({ kind: 'sample', id: { digit: 2, index: 0 } });
    expect(INITIAL_LAB_STATE.rule).toEqual(NOTEBOOK_RULE);
    expect(INITIAL_LAB_STATE.conv).toEqual({ stride: 1, padding: 0 });
    expect(INITIAL_LAB_STATE.pool).toMatchObject({ kind: 'max', size: 2, stride: 2 });
    expect(INITIAL_LAB_STATE.filters.map((f) => f.presetId)).toEqual(['diagonal', 'anti-diagonal', 'horizontal', 'vertical']);
  });

  it('drawing over a sample starts a fresh drawing; strokes extend, undo and clear', () => {
    let s: LabState = labReducer(INITIAL_LAB_STATE, { type: 'beginStroke', stroke: stroke(0.1) });
    expect(s.source).toEqual({ kind: 'drawing', strokes: [stroke(0.1)] });
    s = labReducer(s, { type: 'extendStroke', point: [0.2, 0.3] });
    s = labReducer(s, { type: 'beginStroke', stroke: stroke(0.5) });
    expect(s.source.kind === 'drawing' && s.source.strokes.map((t) => t.points.length)).toEqual([2, 1]);
    s = labReducer(s, { type: 'undoStroke' });
    expect(s.source.kind === 'drawing' && s.source.strokes.length).toBe(1);
    s = labReducer(s, { type: 'clearDrawing' });
    expect(s.source).toEqual({ kind: 'drawing', strokes: [] });
    // Extending with no stroke in progress changes nothing.
    expect(labReducer(s, { type: 'extendStroke', point: [0, 0] })).toBe(s);
  });

  it('switches rule presets and edits one filter slot only', () => {
    const article = labReducer(INITIAL_LAB_STATE, { type: 'usePreset', preset: 'article' });
    expect(article.rule).toEqual(ARTICLE_RULE);
    const k = createGrid(3, 3, new Float32Array(9).fill(1));
    const edited = labReducer(article, { type: 'setKernel', slot: 2, kernel: k, presetId: null });
    expect(edited.filters[2]).toEqual({ kernel: k, presetId: null });
    expect(edited.filters[1]).toBe(article.filters[1]);
    expect(labReducer(edited, { type: 'resetFilters' }).filters).toEqual(INITIAL_LAB_STATE.filters);
    const conv = labReducer(edited, { type: 'setConv', conv: { stride: 3 } }).conv;
    expect(conv).toEqual({ stride: 3, padding: 0 });
  });
});
