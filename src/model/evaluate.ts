import * as tf from '@tensorflow/tfjs';
import { batchImages, batchLabels } from '../core/batch';
import { unguarded, type Guard } from './guard';
import { INPUT_SIDE, NUM_CLASSES } from './spec';
import type { LabelledDigits } from './trainingData';

/** The model's `logits` output as a model sharing its layers (trained on for a stable loss). */
export function logitsModelOf(model: tf.LayersModel): tf.LayersModel {
  const logits = model.layers.find((layer) => layer.name === 'logits');
  if (!logits) throw new Error('ConvLens trains models that have a `logits` layer (see buildModel).');
  return tf.model({ inputs: model.inputs, outputs: logits.output as tf.SymbolicTensor });
}

/** A batch as tensors: the images, the one-hot targets and the labels. */
export function batchTensors(images: Float32Array, labels: Int32Array): { xs: tf.Tensor4D; ys: tf.Tensor2D; labelTensor: tf.Tensor1D } {
  const labelTensor = tf.tensor1d(labels, 'int32');
  return {
    xs: tf.tensor4d(images, [labels.length, INPUT_SIDE, INPUT_SIDE, 1]),
    ys: tf.oneHot(labelTensor, NUM_CLASSES).toFloat() as tf.Tensor2D,
    labelTensor,
  };
}

/**
 * Mean cross-entropy and accuracy of a model on labelled digits (no augmentation, dropout
 * off). Works with any ConvLens model (it reads the `logits` layer). No lasting tensors.
 */
export async function evaluateModel(model: tf.LayersModel, digits: LabelledDigits, batchSize = 500): Promise<{ loss: number; accuracy: number }> {
  return evaluateLogits(logitsModelOf(model), digits, batchSize);
}

/** {@link evaluateModel} on a logits model, each read passed through `guard`. */
export async function evaluateLogits(
  logitsModel: tf.LayersModel,
  digits: LabelledDigits,
  batchSize: number,
  guard: Guard = unguarded,
): Promise<{ loss: number; accuracy: number }> {
  const order = Array.from({ length: digits.count }, (_, i) => i);
  let lossSum = 0;
  let correct = 0;
  for (let from = 0; from < digits.count; from += batchSize) {
    const to = Math.min(digits.count, from + batchSize);
    const images = batchImages(digits, order, from, to, null);
    const labels = batchLabels(digits, order, from, to);
    const sums = tf.tidy(() => {
      const { xs, ys, labelTensor } = batchTensors(images, labels);
      const logits = logitsModel.predict(xs) as tf.Tensor2D;
      const loss = tf.losses.softmaxCrossEntropy(ys, logits, undefined, undefined, tf.Reduction.SUM);
      const hits = tf.sum(tf.equal(tf.argMax(logits, 1), labelTensor).toFloat());
      return tf.stack([loss, hits]);
    });
    try {
      const [loss, hits] = await guard(sums.data());
      lossSum += loss;
      correct += hits;
    } finally {
      sums.dispose();
    }
  }
  return { loss: lossSum / digits.count, accuracy: correct / digits.count };
}
