/**
 * A ConvLens model as a chain of layers that can be run piece by piece on real tensors, so
 * a gradient can be taken with respect to the input or to any layer's output. Every
 * ConvLens model is such a chain (`build.ts`: each layer feeds the next), whether built
 * here, loaded or uploaded (`validateUpload.ts` accepts only ConvLens's layer pattern).
 */
import * as tf from '@tensorflow/tfjs';
import type { Grid } from '../../core/grid';
import { checkClassIndex } from '../../core/softmax';

/** The model's layers in order, without its input layer. */
export function chainLayers(model: tf.LayersModel): tf.layers.Layer[] {
  return model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
}

/** Runs `x` through `layers` in order, in inference mode (dropout passes its input through). */
export function applyLayers(layers: readonly tf.layers.Layer[], x: tf.Tensor): tf.Tensor {
  return layers.reduce((t, layer) => layer.apply(t, { training: false }) as tf.Tensor, x);
}

/** Position of the `logits` layer (the last dense layer, before the softmax) in `layers`; throws when there is none. */
export function logitsPosition(layers: readonly tf.layers.Layer[]): number {
  const at = layers.findIndex((layer) => layer.name === 'logits');
  if (at < 0) throw new Error('The model has no `logits` layer.');
  return at;
}

/** Throws a RangeError unless `classIndex` is one of the classes of the `logits` layer. */
export function checkClass(logits: tf.layers.Layer, classIndex: number): void {
  checkClassIndex(classIndex, (logits.outputShape as number[])[1]);
}

/**
 * The score every attribution of ConvLens explains: the log-probability of class
 * `classIndex`, log-softmax of the logits ([1, classes]) at that class, as a scalar.
 * Log-softmax rather than the probability, whose gradient vanishes for every class the
 * network finds unlikely (p near 0: "what would make this a 4?" gets no answer); rather
 * than the raw logit, because a class's chance also depends on the other classes (a pixel
 * that raises every logit alike changes no probability), and because occlusion measures
 * its drops in the same unit, so the views compare.
 *
 * Its gradient is written out rather than left to tfjs's log-softmax, whose gradient at the
 * class itself is 1 - p_c worked out in float32 as 1 - e^(ln p_c): off by up to about 1 %
 * at p_c = 1 - 1e-5 (the typical held-out digit of the shipped network) and exactly 0 once
 * 1 - p_c is under half a float32 step (6e-8, a logit margin of about 16.6), which left
 * the class's own logit out of saliency and Grad-CAM for the digits the network is surest
 * of. Here d(ln p_c)/dz_j = -p_j for every other class j, and at c itself the sum of those
 * p_j: the same number as 1 - p_c, added up from small terms that float32 holds to full
 * relative precision, with no cancellation. Takes logits of shape [1, classes].
 */
export function classLogProbability(logits: tf.Tensor, classIndex: number): tf.Scalar {
  const classes = (logits as tf.Tensor2D).shape[1];
  const score = tf.customGrad<tf.Scalar>((z, save) => {
    const logProbabilities = tf.logSoftmax(z as tf.Tensor2D);
    (save as tf.GradSaveFunc)([logProbabilities]);
    return {
      value: logProbabilities.gather([classIndex], 1).reshape<tf.Scalar>([]),
      gradFunc: (dy, [saved]) => {
        const isClass = tf.oneHot([classIndex], classes).toFloat();
        const others = tf.exp(saved).mul(tf.onesLike(isClass).sub(isClass));
        return dy.mul(isClass.mul(others.sum(1, true)).sub(others));
      },
    };
  });
  return score(logits);
}

/**
 * One grey image as the model's input batch of one, [1, height, width, 1]; throws when the
 * model expects another size.
 */
export function imageBatch(model: tf.LayersModel, image: Grid): tf.Tensor4D {
  const [, height, width] = model.inputs[0].shape;
  if (image.height !== height || image.width !== width) {
    throw new RangeError(`The model takes ${height}x${width} images; this one is ${image.height}x${image.width}.`);
  }
  return tf.tensor4d(image.data, [1, image.height, image.width, 1]);
}
