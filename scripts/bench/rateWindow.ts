/**
 * Examples per second over a window of a training run, from samples of [time in ms, examples
 * seen] taken as the run goes: the same arithmetic for the Train button (samples of the page's
 * progress element) and for the runs in the bench's workers (samples taken after each batch).
 */
import type { Throughput } from './protocol';

/** [milliseconds on some clock, examples seen so far in the run]. */
export type ProgressSample = readonly [number, number];

/**
 * The rate between the first and the last sample whose count lies in `[from, to]`: `from`
 * leaves the start-up (backend, first kernels, first batches) out of the window.
 * @throws Error when fewer than two samples fall inside, or they span no time
 */
export function windowThroughput(samples: readonly ProgressSample[], from: number, to: number): Throughput {
  if (!(from < to)) throw new Error(`The window [${from}, ${to}] is empty.`);
  const inside = samples.filter(([, n]) => n >= from && n <= to);
  if (inside.length < 2) {
    throw new Error(`Only ${inside.length} progress sample(s) between ${from} and ${to} examples (of ${samples.length}): no rate to take.`);
  }
  const [t0, n0] = inside[0];
  const [t1, n1] = inside[inside.length - 1];
  const seconds = (t1 - t0) / 1000;
  if (!(seconds > 0) || !(n1 > n0)) throw new Error(`The samples between ${from} and ${to} examples span ${seconds} s and ${n1 - n0} examples.`);
  return { examples: n1 - n0, seconds, examplesPerSecond: (n1 - n0) / seconds };
}
