/**
 * What the page tells the training worker outside a run: "measure the backends again at the
 * next run" (the pen's state is in core/pen.ts). Plain state with no imports, so the training
 * panel can use it without loading tfjs; the worker's trainer (workerTrainer.ts) follows it.
 */

let remeasure = false;

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
