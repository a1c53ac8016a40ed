import { describe, expect, it } from 'vitest';
import { loadProgress, markDone, parseProgress, PROGRESS_KEY, type ProgressStore } from './progress';

/** An in-memory store with localStorage's two methods; `full` makes writes throw like a full quota. */
function memoryStore(full = false): ProgressStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe('exercise progress', () => {
  it('round-trips through the store and keeps the first time an exercise was done', () => {
    const store = memoryStore();
    const first = markDone(store, loadProgress(store), 'output-size', 1000);
    expect(first.saved).toBe(true);
    let { progress } = first;
    ({ progress } = markDone(store, progress, 'stroke-filter', 2000));
    ({ progress } = markDone(store, progress, 'output-size', 3000));
    expect(loadProgress(store)).toEqual({ 'output-size': 1000, 'stroke-filter': 2000 });
    expect(JSON.parse(store.items.get(PROGRESS_KEY)!)).toEqual(progress);
  });

  it('falls back to empty progress on corrupt or foreign values', () => {
    for (const text of ['{', 'null', '[]', '"done"', '42', '{"output-size":"yes"}', '{"unknown":1}']) expect(parseProgress(text)).toEqual({});
    expect(parseProgress('{"output-size":5,"sigmoid":null,"x":1}')).toEqual({ 'output-size': 5 });
    const store = memoryStore();
    store.items.set(PROGRESS_KEY, '{not json');
    expect(loadProgress(store)).toEqual({});
  });

  it('keeps working when the store is full or missing, just without remembering', () => {
    const full = memoryStore(true);
    const result = markDone(full, {}, 'sigmoid', 7);
    expect(result).toEqual({ progress: { sigmoid: 7 }, saved: false });
    expect(markDone(null, {}, 'sigmoid', 7).saved).toBe(false);
    const blocked: ProgressStore = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {},
    };
    expect(loadProgress(blocked)).toEqual({});
  });
});
