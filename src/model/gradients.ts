import * as tf from '@tensorflow/tfjs';
import { INPUT_SIDE, NUM_CLASSES } from './spec';

/** How big one layer's kernel gradient is: the mean of |dLoss/dw| over its weights. */
export interface LayerGradientSize {
  /** The layer's name: `conv1`, `dense1`, `logits`... */
  readonly layer: string;
  readonly meanAbs: number;
}

/** The kernels (not biases) among a model's trainable weights: their position and layer. */
export function kernelWeights(model: tf.LayersModel): { readonly index: number; readonly layer: string }[] {
  return model.trainableWeights
    .map((w, index) => ({ index, name: w.originalName }))
    .filter((w) => w.name.endsWith('/kernel'))
    .map((w) => ({ index: w.index, layer: w.name.slice(0, w.name.indexOf('/')) }));
}

/**
 * Inside a tidy: a 1-D tensor of the mean absolute gradient of each kernel, in the order of
 * `kernels`. `grads` maps variable names to gradients (as computeGradients returns them).
 */
export function kernelGradientSizes(grads: tf.NamedTensorMap, variables: readonly tf.Variable[], kernels: readonly { index: number }[]): tf.Tensor1D {
  return tf.stack(kernels.map((k) => tf.mean(tf.abs(grads[variables[k.index].name])))) as tf.Tensor1D;
}

/**
 * The gradient size of every layer's kernel for one batch, without changing any weight:
 * softmax cross-entropy on the model's `logits` layer, dropout active as in training.
 * `images` holds `labels.length` 28x28 images (values in [0, 1], row-major); labels 0..9.
 * Creates no lasting tensors.
 */
export async function measureGradientSizes(model: tf.LayersModel, images: Float32Array, labels: ArrayLike<number>): Promise<LayerGradientSize[]> {
  const logitsLayer = model.layers.find((l) => l.name === 'logits');
  if (!logitsLayer) throw new Error('The model has no `logits` layer.');
  const logitsModel = tf.model({ inputs: model.inputs, outputs: logitsLayer.output as tf.SymbolicTensor });
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const kernels = kernelWeights(model);
  const sizes = tf.tidy(() => {
    const xs = tf.tensor4d(images, [labels.length, INPUT_SIDE, INPUT_SIDE, 1]);
    const ys = tf.oneHot(tf.tensor1d(Int32Array.from(labels), 'int32'), NUM_CLASSES).toFloat();
    const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(ys, logitsModel.apply(xs, { training: true }) as tf.Tensor) as tf.Scalar, variables);
    return kernelGradientSizes(grads, variables, kernels);
  });
  try {
    const values = await sizes.data();
    return kernels.map((k, i) => ({ layer: k.layer, meanAbs: values[i] }));
  } finally {
    sizes.dispose();
  }
}
