import { describe, expect, it } from 'vitest';
import { isAbortError, untilAborted } from './abort';

describe('isAbortError', () => {
  it('knows the platform abort from other errors', () => {
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(controller.signal.reason)).toBe(true);
    expect(() => controller.signal.throwIfAborted()).toThrow();
    let thrown: unknown;
    try {
      controller.signal.throwIfAborted();
    } catch (e) {
      thrown = e;
    }
    expect(isAbortError(thrown)).toBe(true);
    expect(isAbortError(new Error('AbortError'))).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
    expect(isAbortError(null)).toBe(false);
  });
});

describe('untilAborted', () => {
  it('settles like the work while the signal is quiet', async () => {
    const signal = new AbortController().signal;
    await expect(untilAborted(Promise.resolve(42), signal)).resolves.toBe(42);
    await expect(untilAborted(Promise.reject(new Error('boom')), signal)).rejects.toThrow('boom');
  });

  it('ends a wait that would never end with the reason of the abort', async () => {
    const controller = new AbortController();
    const forever = untilAborted(new Promise<number>(() => {}), controller.signal);
    const reason = new Error('gone');
    controller.abort(reason);
    await expect(forever).rejects.toBe(reason);
  });

  it('rejects at once on a signal already aborted, and the work settling later changes nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    let fail: (e: Error) => void = () => {};
    const late = new Promise<number>((_, reject) => {
      fail = reject;
    });
    const guarded = untilAborted(late, controller.signal);
    await expect(guarded).rejects.toSatisfy(isAbortError);
    fail(new Error('too late'));
    await expect(guarded).rejects.toSatisfy(isAbortError);
  });
});
