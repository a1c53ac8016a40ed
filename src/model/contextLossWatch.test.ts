import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContextLossWatch } from './contextLossWatch';
import { SessionError } from './sessionError';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('ContextLossWatch', () => {
  it('ends a read that would never end when the context is lost, and trusts nothing computed before', async () => {
    const watch = new ContextLossWatch();
    await expect(watch.guard(Promise.resolve(5))).resolves.toBe(5);
    const trusted = watch.trustFromNow();
    expect(trusted()).toBe(true);
    const forever = watch.guard(new Promise<number>(() => {}));
    let rebuilt = false;
    watch.lost(
      async () => {
        rebuilt = true;
      },
      () => undefined,
    );
    await expect(forever).rejects.toBeInstanceOf(SessionError);
    await expect(forever).rejects.toMatchObject({ code: 'context-lost' });
    expect(trusted()).toBe(false);
    // What starts after the loss is guarded by the next stretch, and trusted again.
    expect(watch.trustFromNow()()).toBe(true);
    await expect(watch.guard(Promise.resolve(6))).resolves.toBe(6);
    await watch.ready();
    expect(rebuilt).toBe(true);
    expect(watch.hasFailed).toBe(false);
  });

  it('says the models could not be rebuilt, with the reason, once the rebuild failed', async () => {
    const watch = new ContextLossWatch();
    let told = 0;
    watch.lost(
      () => Promise.reject(new Error('no memory left')),
      () => told++,
    );
    await watch.settled();
    expect(told).toBe(1);
    expect(watch.hasFailed).toBe(true);
    await expect(watch.ready()).rejects.toMatchObject({ code: 'rebuild-failed', params: { detail: 'no memory left' } });
    await expect(watch.ready()).rejects.toThrow('The network could not be rebuilt on the CPU: no memory left');
  });
});
