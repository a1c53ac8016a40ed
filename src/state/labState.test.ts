import { describe, expect, it } from 'vitest';
import { ARTICLE_RULE, NOTEBOOK_RULE } from '../core/edgeRule';
import { createGrid } from '../core/grid';
import { INITIAL_LAB_STATE, labReducer, type LabState } from './labState';
import { quantisePoint, quantiseStroke } from './strokeCodec';

// Sizes and points on the 1/1024 stroke grid, which the reducer keeps them on.
const stroke = (x: number) => ({ size: 0.0625, points: [[x, 0.125]] as [number, number][] });

describe('lab state', () => {
  it('starts on the first "2" with the Notebook rule, stride 1, no padding, 2x2 max pooling', () => {
    expect(INITIAL_LAB_STATE.source).toEqual({ kind: 'sample', id: { digit: 2, index: 0 } });
    expect(INITIAL_LAB_STATE.rule).toEqual(NOTEBOOK_RULE);
    expect(INITIAL_LAB_STATE.conv).toEqual({ stride: 1, padding: 0 });
    expect(INITIAL_LAB_STATE.pool).toMatchObject({ kind: 'max', size: 2, stride: 2 });
    expect(INITIAL_LAB_STATE.filters.map((f) => f.presetId)).toEqual(['diagonal', 'anti-diagonal', 'horizontal', 'vertical']);
  });

  it('drawing over a sample starts a fresh drawing; strokes extend, undo and clear', () => {
    let s: LabState = labReducer(INITIAL_LAB_STATE, { type: 'beginStroke', stroke: stroke(0.125) });
    expect(s.source).toEqual({ kind: 'drawing', strokes: [stroke(0.125)] });
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

  it('a whole stroke added when the pen lifts, quantised as the pad shows it live, equals the stroke begun and extended', () => {
    const points: [number, number][] = [
      [0.1234567, 0.7654321],
      [0.333333, 0.666667],
      [1.7, -0.2],
      [0.98765, 0.0001],
    ];
    let moved = labReducer(INITIAL_LAB_STATE, { type: 'beginStroke', stroke: { size: 0.0811, points: [points[0]] } });
    for (const p of points.slice(1)) moved = labReducer(moved, { type: 'extendStroke', point: p });
    // The pad's live view quantises each point as it comes (usePenInput), then adds the stroke once.
    let live = quantiseStroke({ size: 0.0811, points: [points[0]] });
    for (const p of points.slice(1)) live = { ...live, points: [...live.points, quantisePoint(p)] };
    const added = labReducer(INITIAL_LAB_STATE, { type: 'addStroke', stroke: live });
    expect(added.source).toEqual(moved.source);
    expect(added.source.kind === 'drawing' && added.source.strokes[0]).toEqual(live);
  });

  it('keeps pen positions and brush sizes on the 1/1024 grid a shared link stores', () => {
    let s = labReducer(INITIAL_LAB_STATE, { type: 'beginStroke', stroke: { size: 0.08, points: [[0.1, 0.2]] } });
    s = labReducer(s, { type: 'extendStroke', point: [0.30001, 1.2] });
    const [drawn] = s.source.kind === 'drawing' ? s.source.strokes : [];
    expect(drawn.size).toBe(82 / 1024);
    expect(drawn.points).toEqual([
      [102 / 1024, 205 / 1024],
      [307 / 1024, 1],
    ]);
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
