import { argmax } from '../argmax';

/** Where the current input came from, as far as its true digit is concerned. */
export type LabelSource = { readonly kind: 'sample'; readonly digit: number } | { readonly kind: 'drawing' | 'upload' };

export type MisclassifiedVerdict = 'pass' | 'noLabel' | 'labelMismatch' | 'noPrediction' | 'modelRight';

export interface MisclassifiedCheck {
  readonly verdict: MisclassifiedVerdict;
  /** The true digit used for the check (the sample's label, or the student's), or null. */
  readonly truth: number | null;
  /** The model's top class, or null. */
  readonly predicted: number | null;
}

/** The class with the highest probability (the first one on a tie), or null for no probabilities. */
export function topClass(probabilities: ArrayLike<number> | null): number | null {
  if (!probabilities || probabilities.length === 0) return null;
  return argmax(probabilities);
}

/**
 * "Find or draw a digit the model gets wrong": passes when the model's top class differs from
 * the digit's true label. For an MNIST sample the true label is known, and the student's label
 * must agree with it ('labelMismatch' otherwise); for a drawing or an upload the student's
 * label is taken as the truth.
 *
 * @param source where the input came from (a sample carries its label)
 * @param stated the digit the student says it is, 0..9, or null when not chosen
 * @param probabilities the model's softmax output for the current input (10 values), or null
 *   while it is not known or out of date
 */
export function checkMisclassified(source: LabelSource, stated: number | null, probabilities: ArrayLike<number> | null): MisclassifiedCheck {
  const predicted = topClass(probabilities);
  const valid = stated !== null && Number.isInteger(stated) && stated >= 0 && stated <= 9;
  if (!valid) return { verdict: 'noLabel', truth: null, predicted };
  if (source.kind === 'sample' && source.digit !== stated) return { verdict: 'labelMismatch', truth: source.digit, predicted };
  if (predicted === null) return { verdict: 'noPrediction', truth: stated, predicted };
  return { verdict: predicted === stated ? 'modelRight' : 'pass', truth: stated, predicted };
}
