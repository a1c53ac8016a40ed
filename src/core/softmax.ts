/**
 * Softmax: p_i = e^(z_i) / sum_j e^(z_j). The largest logit is subtracted first
 * (e^(z_i - max)): the probabilities are the same (the factor e^(-max) cancels), but no
 * exponential can overflow. Worked in double precision.
 */
export interface SoftmaxSteps {
  /** The largest logit (NaN when a logit is NaN). */
  readonly max: number;
  /** logit - max for each class (all <= 0, the largest is 0). */
  readonly shifted: Float64Array;
  /** e^(logit - max) for each class, in (0, 1]. */
  readonly exps: Float64Array;
  /** The sum of `exps` (>= 1, since the largest term is e^0 = 1). */
  readonly sum: number;
  /** exps[i] / sum: the probabilities, summing to 1. */
  readonly probabilities: Float64Array;
}

/**
 * Every step of softmax for one vector of logits. It does not check its input: a NaN or
 * infinite logit (a diverged network) gives NaN probabilities, not an error.
 */
export function softmaxSteps(logits: ArrayLike<number>): SoftmaxSteps {
  const n = logits.length;
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, logits[i]);
  const shifted = new Float64Array(n);
  const exps = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    shifted[i] = logits[i] - max;
    exps[i] = Math.exp(shifted[i]);
    sum += exps[i];
  }
  const probabilities = exps.map((e) => e / sum);
  return { max, shifted, exps, sum, probabilities };
}

/** Softmax of `logits` as float32 probabilities (worked in double precision, rounded once). */
export function softmax(logits: ArrayLike<number>): Float32Array {
  return Float32Array.from(softmaxSteps(logits).probabilities);
}

/**
 * The log-probability softmax gives class `index`: ln p_index = (z_index - max) - ln(sum of
 * e^(z_j - max)), worked in double precision without forming p (which rounds to 0 for a
 * very unlikely class, where its logarithm is still a finite, useful number). Throws a
 * RangeError when `index` is not a class of `logits`.
 */
export function logProbability(logits: ArrayLike<number>, index: number): number {
  checkClassIndex(index, logits.length);
  const { shifted, sum } = softmaxSteps(logits);
  return shifted[index] - Math.log(sum);
}

/** Throws a RangeError unless `index` is a class of `classes` (a whole number from 0 to classes - 1). */
export function checkClassIndex(index: number, classes: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= classes) throw new RangeError(`Class ${index} is not one of the ${classes} classes.`);
}
