/**
 * Saliency: how much each input pixel moves one class's score, the gradient of that class's
 * log-probability (`classLogProbability` in layerChain.ts) with respect to every pixel of
 * the image. For class c that gradient is the sum over the other classes j of
 * p_j x d(z_c - z_j)/d(pixel): what would widen the class's logit margin over its rivals,
 * each rival weighted by its probability, so the closest rivals count most. For a digit the
 * network is sure of, the p_j are tiny and so is the whole map (`maxAbs` is under 1e-4 for
 * more than half the held-out digits of the shipped network, and as small as 1e-9), yet it
 * is as exact and as detailed as any: a colour scale set from `maxAbs` shows it in full.
 * The other classes' maps answer "what would make it more of a 4?".
 */
import * as tf from '@tensorflow/tfjs';
import { createGrid, type Grid } from '../../core/grid';
import { unguarded, type Guard } from '../guard';
import { applyLayers, chainLayers, checkClass, classLogProbability, imageBatch, logitsPosition } from './layerChain';

/** One class's saliency for one image. */
export interface Saliency {
  /** The log-probability of the class for the image (<= 0). */
  readonly logProbability: number;
  /**
   * d(log-probability) / d(pixel), the size of the image, row-major: positive where more
   * ink would make the class more likely, negative where it would make it less likely.
   */
  readonly gradient: Grid;
  /** The largest |gradient| (0 when the gradient is all 0), for a symmetric colour scale. */
  readonly maxAbs: number;
}

/**
 * The saliency of class `classIndex` (0..classes-1) for `image` (the model's input size,
 * grey levels in [0, 1], white on black), with the model in inference mode. One forward and
 * one backward pass in tfjs. Creates no lasting tensors, even when `guard` gives up on
 * the read (a lost WebGL context; then it rejects with the guard's error).
 */
export async function saliency(model: tf.LayersModel, image: Grid, classIndex: number, guard: Guard = unguarded): Promise<Saliency> {
  const layers = chainLayers(model);
  const last = logitsPosition(layers);
  checkClass(layers[last], classIndex);
  const toLogits = layers.slice(0, last + 1);
  const { value, grad } = tf.tidy(() => {
    const score = (x: tf.Tensor) => classLogProbability(applyLayers(toLogits, x), classIndex);
    return tf.valueAndGrad(score)(imageBatch(model, image));
  });
  try {
    const [logProbability, gradient] = await guard(Promise.all([value.data<'float32'>(), grad.data<'float32'>()]));
    let maxAbs = 0;
    for (const g of gradient) maxAbs = Math.max(maxAbs, Math.abs(g));
    return { logProbability: logProbability[0], gradient: createGrid(image.height, image.width, Float32Array.from(gradient)), maxAbs };
  } finally {
    value.dispose();
    grad.dispose();
  }
}
