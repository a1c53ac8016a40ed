import { argmax } from './argmax';

/**
 * A confusion matrix: how often each true class was predicted as each class, and which
 * examples landed in each cell.
 */
export interface ConfusionMatrix {
  /** Number of classes (the matrix is classes x classes). */
  readonly classes: number;
  /** counts[t * classes + p]: examples of true class t predicted as p. */
  readonly counts: Int32Array;
  /** members[t * classes + p]: positions (into the input arrays) of those examples, ascending. */
  readonly members: readonly (readonly number[])[];
  /** Examples whose prediction equals the truth. */
  readonly correct: number;
  readonly total: number;
}

/**
 * Builds the confusion matrix of `predicted` against `truth` (same length; every value a
 * whole number in 0..classes-1).
 * @throws RangeError on different lengths or a label out of range
 */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes = 10): ConfusionMatrix {
  if (truth.length !== predicted.length) throw new RangeError(`${truth.length} true labels but ${predicted.length} predictions`);
  const counts = new Int32Array(classes * classes);
  const members: number[][] = Array.from({ length: classes * classes }, () => []);
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    const p = predicted[i];
    for (const v of [t, p]) {
      if (!Number.isInteger(v) || v < 0 || v >= classes) throw new RangeError(`label ${v} at position ${i} is not a class from 0 to ${classes - 1}`);
    }
    counts[t * classes + p]++;
    members[t * classes + p].push(i);
    if (t === p) correct++;
  }
  return { classes, counts, members, correct, total: truth.length };
}

/**
 * The most probable class of each row of a row-major [n, classes] score array (the first
 * one on ties). @throws RangeError when the length is not a multiple of `classes`
 */
export function argmaxRows(scores: ArrayLike<number>, classes = 10): Int32Array {
  if (classes < 1 || scores.length % classes !== 0) throw new RangeError(`${scores.length} scores are not whole rows of ${classes}`);
  const n = scores.length / classes;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = argmax(scores, i * classes, (i + 1) * classes) - i * classes;
  return out;
}
