import { describe, expect, it } from 'vitest';
import { createOfflineStore } from './offlineState';

describe('offline store', () => {
  it('starts idle and tells subscribers about each change once', () => {
    const store = createOfflineStore();
    expect(store.get()).toBe('idle');
    const seen: string[] = [];
    const stop = store.subscribe(() => seen.push(store.get()));
    store.set('ready');
    store.set('ready');
    store.set('update');
    stop();
    store.set('idle');
    expect(seen).toEqual(['ready', 'update']);
  });

  it('keeps a waiting update when the cache reports ready afterwards', () => {
    const store = createOfflineStore();
    store.set('update');
    store.set('ready');
    expect(store.get()).toBe('update');
  });

  it('activates an update only when one is waiting', () => {
    const store = createOfflineStore();
    let activated = 0;
    store.setUpdater(() => activated++);
    store.update();
    store.set('ready');
    store.update();
    expect(activated).toBe(0);
    store.set('update');
    store.update();
    expect(activated).toBe(1);
  });
});
