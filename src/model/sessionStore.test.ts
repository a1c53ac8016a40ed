import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SessionStore } from './sessionStore';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('SessionStore', () => {
  it('keeps one status object until a new one is published, and tells its listeners then', () => {
    const first = { version: 1 };
    const store = new SessionStore(first);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    expect(store.getSnapshot()).toBe(first);
    expect(store.getSnapshot()).toBe(store.getSnapshot());
    const second = { version: 2 };
    store.publish(second);
    expect(store.getSnapshot()).toBe(second);
    expect(calls).toBe(1);
    unsubscribe();
    store.publish({ version: 3 });
    expect(calls).toBe(1);
  });

  it('counts the tensors after work that makes or frees them, and tells its listeners only when the count changed', async () => {
    const store = new SessionStore({});
    const counts: number[] = [];
    store.subscribe(() => counts.push(store.getTensorCount()));
    const before = store.getTensorCount();
    expect(before).toBe(tf.memory().numTensors);

    const made = await store.counted(Promise.resolve(tf.zeros([3])));
    expect(store.getTensorCount()).toBe(before + 1);
    await store.counted(Promise.resolve(null));
    expect(counts).toEqual([before + 1]);

    await expect(store.counted(Promise.reject(new Error('failed after freeing')).finally(() => made.dispose()))).rejects.toThrow('failed after freeing');
    expect(store.getTensorCount()).toBe(before);
    expect(counts).toEqual([before + 1, before]);
  });
});
