import { argmax } from './argmax';
import { softmaxSteps } from './softmax';

/**
 * Softmax and cross-entropy, step by step, the way a reader can check them by hand.
 *
 * Softmax turns the 10 logits (scores) into probabilities:
 *   p_i = e^(z_i) / sum_j e^(z_j).
 * Computers subtract the largest logit first (e^(z_i - max)): the probabilities are the same
 * (the factor e^(-max) cancels), but no exponential can overflow. Cross-entropy for the true
 * class t is -ln(p_t), computed as ln(sum) - (z_t - max) so it stays finite even when p_t
 * rounds to 0.
 */
export interface SoftmaxWorked {
  /** The logits as given. */
  readonly logits: readonly number[];
  /** The largest logit (subtracted from every logit before exponentiating). */
  readonly max: number;
  /** logit - max for each class (all <= 0, the largest is 0). */
  readonly shifted: readonly number[];
  /** e^(logit - max) for each class, in (0, 1]. */
  readonly exps: readonly number[];
  /** The sum of `exps` (>= 1, since the largest term is e^0 = 1). */
  readonly sum: number;
  /** exps[i] / sum: the probabilities, summing to 1. */
  readonly probabilities: readonly number[];
  /** The class with the highest probability (the first one on ties). */
  readonly predicted: number;
  /** The true class, or null when unknown. */
  readonly trueLabel: number | null;
  /** -ln(p_true) (natural logarithm, in nats), or null when the true class is unknown. */
  readonly loss: number | null;
}

/**
 * Works out softmax and the cross-entropy loss for one example, in double precision.
 *
 * @param logits one score per class (at least one value, all finite)
 * @param trueLabel the true class index (0 <= trueLabel < logits.length), or null
 * @throws RangeError on an empty or non-finite logit vector or an out-of-range label
 */
export function softmaxWorked(logits: ArrayLike<number>, trueLabel: number | null = null): SoftmaxWorked {
  const z = Array.from(logits, Number);
  if (z.length === 0) throw new RangeError('softmax needs at least one logit');
  if (!z.every(Number.isFinite)) throw new RangeError('every logit must be a finite number');
  if (trueLabel !== null && (!Number.isInteger(trueLabel) || trueLabel < 0 || trueLabel >= z.length)) {
    throw new RangeError(`the true class must be a whole number from 0 to ${z.length - 1}, got ${trueLabel}`);
  }
  const steps = softmaxSteps(z);
  const [shifted, exps, probabilities] = [steps.shifted, steps.exps, steps.probabilities].map((a) => Array.from(a));
  const { max, sum } = steps;
  const predicted = argmax(z);
  const loss = trueLabel === null ? null : Math.log(sum) - shifted[trueLabel];
  return { logits: z, max, shifted, exps, sum, probabilities, predicted, trueLabel, loss };
}
