/**
 * Long work in short slices: a generator that yields between small steps is run a few
 * milliseconds at a time, giving the page back between slices (the pen, painting), and can
 * be given up between two steps with an `AbortSignal`.
 */

import { isPenDown, onPenChange } from './pen';

/** Waits before the next slice; by default a macrotask, so input events and frames get in between. */
export type Pause = () => Promise<void>;

/** A macrotask: the browser handles pending input and may paint before it runs. */
export const nextTask: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Between two slices of work: the next task, or, while the pen is down, the moment it lifts. */
export const penAwarePause: Pause = () => {
  if (!isPenDown()) return nextTask();
  return new Promise((resolve) => {
    const stop = onPenChange((down) => {
      if (down) return;
      stop();
      resolve();
    });
  });
};

export interface SliceOptions {
  /** Gives the work up between two steps: the run then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Longest slice in milliseconds before pausing (at least one step runs per slice). */
  readonly budgetMs?: number;
  /** How to wait between slices. */
  readonly pause?: Pause;
  /** The clock, in milliseconds. */
  readonly now?: () => number;
}

/** A slice of 6 ms leaves most of a 60 Hz frame (16.7 ms) to the page. */
export const DEFAULT_SLICE_MS = 6;

/**
 * Runs `steps` to its end in slices of about `budgetMs` each, pausing between slices, and
 * resolves with what the generator returns. Rejects with the signal's reason when it aborts
 * (checked before the first step and after every pause: the generator is then closed, so
 * its `finally` blocks run), and with the generator's own error when it throws.
 */
export async function runInSlices<T>(steps: Generator<unknown, T, void>, options: SliceOptions = {}): Promise<T> {
  const { signal, budgetMs = DEFAULT_SLICE_MS, pause = nextTask, now = () => performance.now() } = options;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const start = now();
      do {
        const step = steps.next();
        if (step.done) return step.value;
      } while (now() - start < budgetMs);
      await pause();
    }
  } finally {
    steps.return(undefined as T);
  }
}
