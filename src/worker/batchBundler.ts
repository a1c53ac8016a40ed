/**
 * The worker's batch reports, bundled: a run reports every batch, but the page hears of them
 * at most once per {@link BUNDLE_MS}, in one message carrying every batch since the last (in
 * order; nothing is dropped). Each message the page receives costs its thread a task, and a
 * small network trains dozens of batches a second; the charts redraw a few times a second
 * anyway. Any other message first sends the batches held back, so the page still hears of
 * everything in the order it happened, and held-back batches leave within BUNDLE_MS even
 * when no batch follows (the run paused, say).
 */
import type { BatchMetrics } from '../model/trainMetrics';
import type { WorkerMessage } from './protocol';

/** At most one batch message per this many milliseconds. */
export const BUNDLE_MS = 100;

type Post = (message: WorkerMessage, transfer?: Transferable[]) => void;

/** A clock and a timer, replaceable in the tests. */
export interface BundleClock {
  now(): number;
  later(run: () => void, ms: number): () => void;
}

const realClock: BundleClock = {
  now: () => performance.now(),
  later: (run, ms) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/** `post`, with its batch messages bundled as described above. */
export function bundleBatches(post: Post, everyMs = BUNDLE_MS, clock: BundleClock = realClock): Post {
  let held: { id: number; metrics: BatchMetrics[] } | null = null;
  let sent = Number.NEGATIVE_INFINITY;
  let cancel: (() => void) | null = null;
  const flush = () => {
    cancel?.();
    cancel = null;
    if (!held) return;
    const { id, metrics } = held;
    held = null;
    sent = clock.now();
    post({ type: 'batch', id, metrics });
  };
  return (message, transfer) => {
    if (message.type !== 'batch') {
      flush();
      post(message, transfer);
      return;
    }
    if (held && held.id !== message.id) flush();
    if (held) held.metrics.push(...message.metrics);
    else held = { id: message.id, metrics: [...message.metrics] };
    const wait = sent + everyMs - clock.now();
    if (wait <= 0) flush();
    else cancel ??= clock.later(flush, wait);
  };
}
