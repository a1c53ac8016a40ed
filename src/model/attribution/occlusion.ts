/**
 * Occlusion sensitivity of one class on the plain-JavaScript forward pass (a millisecond a
 * pass, no tfjs): the drop of the class's log-probability, the score saliency and Grad-CAM
 * explain too, when a patch of background hides part of the digit. The sliding and
 * averaging are `src/core/occlusion.ts`.
 */
import type { Image28 } from '../../core/grid';
import {
  DEFAULT_OCCLUSION,
  occlusionSensitivity,
  occlusionSteps,
  type ImageScore,
  type ImageScores,
  type OcclusionOptions,
  type OcclusionResult,
} from '../../core/occlusion';
import { checkClassIndex, logProbability, softmaxSteps } from '../../core/softmax';
import type { PlainNetwork } from '../plainForward';
import { NUM_CLASSES } from '../spec';

/** The log-probability of class `classIndex` (0-9) that `plain` gives an image; throws a RangeError for another class. */
export function plainClassScore(plain: PlainNetwork, classIndex: number): ImageScore {
  checkClassIndex(classIndex, NUM_CLASSES);
  return (pixels) => {
    const logits = plain.run(pixels).find((layer) => layer.kind === 'logits')!;
    return logProbability(logits.data, classIndex);
  };
}

/**
 * Occlusion sensitivity of class `classIndex` (0-9) for a 28x28 digit: per patch position
 * and per pixel, how much hiding the patch lowers the class's log-probability (negative
 * where hiding raises it). Runs rows x columns + 1 plain passes (145 with the defaults).
 */
export function occlusionForClass(plain: PlainNetwork, image: Image28, classIndex: number, options: OcclusionOptions = DEFAULT_OCCLUSION): OcclusionResult {
  return occlusionSensitivity(image, plainClassScore(plain, classIndex), options);
}

/**
 * The log-probabilities of all 10 classes that `plain` gives an image, from one pass:
 * ln p_c = (z_c - max) - ln(sum of e^(z_j - max)), in double precision (the same numbers
 * `logProbability` gives class by class).
 */
export function plainAllClassScores(plain: PlainNetwork): ImageScores {
  return (pixels) => {
    const logits = plain.run(pixels).find((layer) => layer.kind === 'logits')!;
    const { shifted, sum } = softmaxSteps(logits.data);
    const logSum = Math.log(sum);
    return shifted.map((v) => v - logSum);
  };
}

/**
 * Occlusion sensitivity of every class (0-9) at once for a 28x28 digit, one plain pass per
 * patch position serving all 10 classes, as a generator that yields after each position
 * (run it with `runToEnd` or, in slices, with `runInSlices`). Its results, one per class,
 * equal `occlusionForClass` class by class.
 */
export function occlusionAllClassesSteps(
  plain: PlainNetwork,
  image: Image28,
  options: OcclusionOptions = DEFAULT_OCCLUSION,
): Generator<number, OcclusionResult[], void> {
  return occlusionSteps(image, plainAllClassScores(plain), NUM_CLASSES, options);
}
