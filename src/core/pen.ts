/**
 * Whether the pen is down on the drawing pad, as plain state with no imports: the pad sets
 * it; the training worker gives the page a frame between batches while it is down
 * (worker/workerTrainer.ts), and work that can wait for the end of a stroke waits.
 */

type PenListener = (down: boolean) => void;

const penListeners = new Set<PenListener>();
let penDown = false;

/** The pen went down (true) or lifted (false); listeners hear only changes. */
export function setPenDown(down: boolean): void {
  if (down === penDown) return;
  penDown = down;
  penListeners.forEach((listener) => listener(down));
}

/** Calls `listener` on every pen change; returns the function that unsubscribes it. */
export function onPenChange(listener: PenListener): () => void {
  penListeners.add(listener);
  return () => void penListeners.delete(listener);
}

/** True while the pen is down on the drawing pad. */
export function isPenDown(): boolean {
  return penDown;
}

/**
 * A request for `work` that waits for the pen: `request()` calls `work` at once while the pen
 * is up; while it is down, the requests coalesce into one call of `work` when it lifts (a
 * stroke is drawn without the page doing work it can do a moment later). `cancel()` drops a
 * waiting call.
 */
export function penDeferred(work: () => void): { request: () => void; cancel: () => void } {
  let stopWaiting: (() => void) | null = null;
  const cancel = () => {
    stopWaiting?.();
    stopWaiting = null;
  };
  const request = () => {
    if (!penDown) return work();
    stopWaiting ??= onPenChange((down) => {
      if (down) return;
      cancel();
      work();
    });
  };
  return { request, cancel };
}

/**
 * Starts `work` once the pen is up (at once if it already is) and returns the function that
 * gives it up: the waiting call is dropped and the signal `work` was handed is aborted. Made
 * for an effect's cleanup, so a newer digit or setting abandons the work in flight.
 */
export function whenPenUp(work: (signal: AbortSignal) => void): () => void {
  const controller = new AbortController();
  const deferred = penDeferred(() => work(controller.signal));
  deferred.request();
  return () => {
    controller.abort();
    deferred.cancel();
  };
}
