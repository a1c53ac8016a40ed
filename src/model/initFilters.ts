import * as tf from '@tensorflow/tfjs';
import { ARTICLE_FILTERS } from '../core/filters';
import { EDGE_FILTER_SCALE } from './firstLayerStart';

export { EDGE_FILTER_SCALE, edgeStartProblem, FIRST_LAYER_STARTS, type EdgeStartProblem, type FirstLayerStart } from './firstLayerStart';

/**
 * Sets the first four kernels of `conv1` to the article's edge filters times
 * {@link EDGE_FILTER_SCALE} (in the article's order: diagonal, anti-diagonal, horizontal,
 * vertical) and their biases to 0; any further kernels keep their random start. The kernel
 * is stored [3, 3, 1, filters] (tfjs HWIO), so filter f's weight at (row, col) sits at
 * `(row * 3 + col) * filters + f`. Creates no lasting tensors.
 * @throws Error when conv1 is not a 3x3 convolution on one channel with at least 4 kernels
 */
export function setEdgeFilterKernels(model: tf.LayersModel): void {
  const layer = model.getLayer('conv1');
  const [kernel, bias] = layer.getWeights();
  const [kh, kw, inChannels, filters] = kernel.shape;
  if (kh !== 3 || kw !== 3 || inChannels !== 1 || filters < ARTICLE_FILTERS.length) {
    throw new Error(`The edge filters need a 3x3 conv1 on one channel with at least 4 kernels (got ${kh}x${kw}x${inChannels}, ${filters} kernels).`);
  }
  const values = Float32Array.from(kernel.dataSync());
  ARTICLE_FILTERS.forEach((filter, f) => {
    for (let i = 0; i < 9; i++) values[i * filters + f] = filter.kernel.data[i] * EDGE_FILTER_SCALE;
  });
  const next: tf.Tensor[] = [tf.tensor(values, kernel.shape, 'float32')];
  if (bias) {
    const biases = Float32Array.from(bias.dataSync());
    biases.fill(0, 0, ARTICLE_FILTERS.length);
    next.push(tf.tensor(biases, bias.shape, 'float32'));
  }
  try {
    layer.setWeights(next);
  } finally {
    tf.dispose(next);
  }
}
