import { describe, expect, it } from 'vitest';
import { createGrid } from '../core/grid';
import { createInputStore, isEmptyDrawing, type InputSnapshot } from './inputStore';

const NO_OUTPUTS = { layers: null, image: null, error: null, path: null } as const;
const snapshot = (strokes: number): InputSnapshot => ({
  source: { kind: 'drawing', strokes: Array.from({ length: strokes }, () => ({ size: 0.0625, points: [[0.5, 0.5]] as const })) },
  image: createGrid(28, 28),
  outputs: NO_OUTPUTS,
});

describe('input store', () => {
  it('tells each subscriber of every new snapshot, and no longer once unsubscribed', () => {
    const first = snapshot(0);
    const store = createInputStore(first);
    expect(store.get()).toBe(first);
    const heard: InputSnapshot[] = [];
    const stop = store.subscribe(() => heard.push(store.get()));
    const second = snapshot(1);
    store.set(second);
    store.set(second);
    expect(heard).toEqual([second]);
    stop();
    store.set(snapshot(2));
    expect(heard).toHaveLength(1);
    expect(store.get().source).toEqual(snapshot(2).source);
  });

  it('a listener that unsubscribes another during a change does not stop it hearing that change', () => {
    const store = createInputStore(snapshot(0));
    const calls: string[] = [];
    let stopB = () => {};
    store.subscribe(() => {
      calls.push('a');
      stopB();
    });
    stopB = store.subscribe(() => calls.push('b'));
    store.set(snapshot(1));
    store.set(snapshot(2));
    expect(calls).toEqual(['a', 'b', 'a']);
  });

  it('an empty drawing is empty; a drawing with strokes or a sample is not', () => {
    expect(isEmptyDrawing(snapshot(0))).toBe(true);
    expect(isEmptyDrawing(snapshot(1))).toBe(false);
    expect(isEmptyDrawing({ ...snapshot(0), source: { kind: 'sample', id: { digit: 2, index: 0 } } })).toBe(false);
  });
});
