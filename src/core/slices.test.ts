import { describe, expect, it } from 'vitest';
import { isAbortError } from './abort';
import { runInSlices } from './slices';

/** A generator of `n` steps, each advancing a fake clock by `cost` ms, that records what ran and whether it was closed. */
function counted(n: number, cost: number, clock: { now: number }) {
  const log = { ran: 0, closed: false };
  function* steps(): Generator<number, string, void> {
    try {
      for (let i = 0; i < n; i++) {
        clock.now += cost;
        log.ran++;
        yield i;
      }
      return `done after ${n}`;
    } finally {
      log.closed = true;
    }
  }
  return { steps: steps(), log };
}

describe('runInSlices', () => {
  it('runs steps until the slice budget is spent, pauses, and resolves with what the generator returns', async () => {
    const clock = { now: 0 };
    const { steps, log } = counted(10, 2, clock);
    const pausedAfter: number[] = [];
    const result = await runInSlices(steps, {
      budgetMs: 5,
      now: () => clock.now,
      pause: async () => {
        pausedAfter.push(log.ran);
      },
    });
    expect(result).toBe('done after 10');
    // 2 ms a step, 5 ms a slice: 3 steps (6 ms) per slice, then a pause.
    expect(pausedAfter).toEqual([3, 6, 9]);
    expect(log.closed).toBe(true);
  });

  it('gives up between slices when the signal aborts, closes the generator and rejects with an AbortError', async () => {
    const clock = { now: 0 };
    const { steps, log } = counted(100, 4, clock);
    const controller = new AbortController();
    const run = runInSlices(steps, {
      signal: controller.signal,
      budgetMs: 6,
      now: () => clock.now,
      pause: async () => {
        if (log.ran >= 4) controller.abort();
      },
    });
    const error = await run.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(log.ran).toBe(4);
    expect(log.closed).toBe(true);
  });

  it('runs nothing on a signal that has already aborted, and passes a step error on', async () => {
    const clock = { now: 0 };
    const { steps, log } = counted(5, 1, clock);
    await expect(runInSlices(steps, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(log.ran).toBe(0);
    function* failing(): Generator<number, number, void> {
      yield 1;
      throw new RangeError('bad step');
    }
    await expect(runInSlices(failing())).rejects.toThrow('bad step');
  });
});
