/**
 * What the page tells the training worker outside a run: the pen is down on the drawing pad
 * (training then gives the page a frame between batches), and "measure the backends again
 * at the next run". Plain state with no imports, so the drawing pad and the training panel
 * can use it without loading tfjs; the worker's trainer (workerTrainer.ts) follows it.
 */

type PenListener = (down: boolean) => void;

const penListeners = new Set<PenListener>();
let penDown = false;
let remeasure = false;

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

/** The next run measures the backends again, whatever was remembered. */
export function requestRemeasure(): void {
  remeasure = true;
}

/** True once after {@link requestRemeasure} (the run that takes it measures). */
export function takeRemeasure(): boolean {
  const asked = remeasure;
  remeasure = false;
  return asked;
}
