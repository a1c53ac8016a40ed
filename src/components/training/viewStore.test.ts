import { describe, expect, it } from 'vitest';
import { createViewStore } from './viewStore';

describe('createViewStore', () => {
  it('keeps a value, tells its listeners of each change (and not of a same value), and stops telling one that unsubscribed', () => {
    const store = createViewStore({ n: 0 });
    const heard: number[] = [];
    const stop = store.subscribe(() => heard.push(store.get().n));
    store.set({ n: 1 });
    store.set((v) => ({ n: v.n + 1 }));
    store.set((v) => v);
    stop();
    store.set({ n: 3 });
    expect(heard).toEqual([1, 2]);
    expect(store.get()).toEqual({ n: 3 });
  });
});
