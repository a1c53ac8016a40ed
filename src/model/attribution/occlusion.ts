/**
 * Occlusion sensitivity of one class on the plain-JavaScript forward pass (a millisecond a
 * pass, no tfjs): the drop of the class's log-probability, the score saliency and Grad-CAM
 * explain too, when a patch of background hides part of the digit. The sliding and
 * averaging are `src/core/occlusion.ts`.
 */
import type { Image28 } from '../../core/grid';
import { DEFAULT_OCCLUSION, occlusionSensitivity, type ImageScore, type OcclusionOptions, type OcclusionResult } from '../../core/occlusion';
import { checkClassIndex, logProbability } from '../../core/softmax';
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
