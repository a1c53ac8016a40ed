import * as tf from '@tensorflow/tfjs';

/**
 * What one training step's Dropout layer does to a layer of `units` activations: the layer
 * (tfjs `tf.layers.dropout`, the one `buildModel` puts after a dense layer) applied in
 * training mode to a vector of ones. Each entry is 0 where the unit was dropped and
 * 1 / (1 - rate) where it was kept (kept units are scaled up so the layer's expected output
 * is the same as without dropout). Every call draws a new random mask, as every training
 * step does; at prediction time nothing is dropped and nothing is scaled. Creates no
 * lasting tensors.
 * @param units number of activations, a whole number >= 1
 * @param rate fraction of units dropped on average, 0 <= rate < 1
 * @throws RangeError for other units or rates
 */
export function drawDropoutMask(units: number, rate: number): Float32Array {
  if (!Number.isInteger(units) || units < 1) throw new RangeError(`Units must be a whole number >= 1 (got ${units}).`);
  if (!(rate >= 0 && rate < 1)) throw new RangeError(`The dropout rate must be in [0, 1) (got ${rate}).`);
  const layer = tf.layers.dropout({ rate });
  return tf.tidy(() => {
    const out = layer.apply(tf.ones([1, units]), { training: true }) as tf.Tensor;
    return Float32Array.from(out.dataSync());
  });
}
