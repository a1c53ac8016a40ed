import { describe, expect, it } from 'vitest';
import type { BatchMetrics } from '../model/trainMetrics';
import { bundleBatches, type BundleClock } from './batchBundler';
import type { WorkerMessage } from './protocol';

const batch = (n: number): BatchMetrics => ({
  epoch: 1,
  batch: n,
  batchesPerEpoch: 100,
  loss: 1 / n,
  accuracy: n / 100,
  learningRate: 0.01,
  examplesSeen: 32 * n,
  examplesTotal: 3200,
  examplesPerSecond: 500,
  secondsLeft: 1,
});

/** A clock the test moves by hand, with the timers it was asked for. */
function manualClock() {
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  const clock: BundleClock = {
    now: () => now,
    later: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => void (timers = timers.filter((t) => t !== timer));
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    due.forEach((t) => t.run());
  };
  return { clock, advance, pending: () => timers.length };
}

/** The batch numbers of each message, e.g. "batch 1 2 3" or "epoch". */
const shape = (messages: readonly WorkerMessage[]) =>
  messages.map((m) => (m.type === 'batch' ? `${m.id}: ${m.metrics.map((b) => b.batch).join(' ')}` : m.type));

describe('bundleBatches', () => {
  it('sends the first batch at once, then at most one message per interval carrying every batch in between, in order', () => {
    const posted: WorkerMessage[] = [];
    const { clock, advance } = manualClock();
    const post = bundleBatches((m) => posted.push(m), 100, clock);
    for (let n = 1; n <= 12; n++) {
      post({ type: 'batch', id: 1, metrics: [batch(n)] });
      advance(30);
    }
    expect(shape(posted)).toEqual(['1: 1', '1: 2 3 4', '1: 5 6 7 8', '1: 9 10 11 12']);
    // Nothing lost: every batch arrived once, in order.
    expect(posted.flatMap((m) => (m.type === 'batch' ? m.metrics.map((b) => b.batch) : []))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('sends the batches held back before any other message, and when the run is quiet, within the interval', () => {
    const posted: WorkerMessage[] = [];
    const { clock, advance, pending } = manualClock();
    const post = bundleBatches((m) => posted.push(m), 100, clock);
    post({ type: 'batch', id: 1, metrics: [batch(1)] });
    advance(10);
    post({ type: 'batch', id: 1, metrics: [batch(2)] });
    post({ type: 'weights', id: 1, snapshot: { weights: [] } });
    expect(shape(posted)).toEqual(['1: 1', '1: 2', 'weights']);
    expect(pending()).toBe(0);
    advance(150);
    post({ type: 'batch', id: 1, metrics: [batch(3)] });
    advance(10);
    post({ type: 'batch', id: 1, metrics: [batch(4)] });
    // The run pauses here: no batch follows, the timer sends batch 4 when the interval is up.
    advance(50);
    expect(shape(posted)).toEqual(['1: 1', '1: 2', 'weights', '1: 3']);
    advance(50);
    expect(shape(posted)).toEqual(['1: 1', '1: 2', 'weights', '1: 3', '1: 4']);
    expect(pending()).toBe(0);
  });

  it('keeps the batches of two runs in separate messages', () => {
    const posted: WorkerMessage[] = [];
    const { clock, advance } = manualClock();
    const post = bundleBatches((m) => posted.push(m), 100, clock);
    post({ type: 'batch', id: 1, metrics: [batch(1)] });
    post({ type: 'batch', id: 1, metrics: [batch(2)] });
    post({ type: 'batch', id: 2, metrics: [batch(1)] });
    advance(100);
    expect(shape(posted)).toEqual(['1: 1', '1: 2', '2: 1']);
  });
});
