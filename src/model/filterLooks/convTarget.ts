/**
 * The layer a filter belongs to, as a piece of the model's chain: the layers from the input up
 * to and including one convolution layer (`conv1`, `conv2`, ...). Its output, [batch, height,
 * width, channels], is the convolution's response before its activation.
 *
 * "The strongest cell" of a channel, everywhere in this folder, is the largest value over all
 * the channel's cells of that output. ReLU, sigmoid and tanh all keep the order of their
 * inputs, so the same cell is the strongest after the activation too, and ranking digits by it
 * gives the same order; taking it before the activation keeps a gradient where ReLU would cut it.
 */
import type * as tf from '@tensorflow/tfjs';
import { chainLayers } from '../attribution/layerChain';

/** Layers from the input up to and including the convolution `layer`; throws when there is no such convolution. */
export function layersUpTo(model: tf.LayersModel, layer: string): tf.layers.Layer[] {
  const layers = chainLayers(model);
  const at = layers.findIndex((l) => l.name === layer);
  if (at < 0 || layers[at].getClassName() !== 'Conv2D') throw new RangeError(`The model has no convolution layer named ${layer}.`);
  return layers.slice(0, at + 1);
}

/** Number of channels (filters) of the convolution at the end of `layers`. */
export function channelCount(layers: readonly tf.layers.Layer[]): number {
  const shape = layers[layers.length - 1].outputShape as number[];
  return shape[3];
}

/** Throws a RangeError unless `channel` is a channel (0-based) of the convolution at the end of `layers`. */
export function checkChannel(layers: readonly tf.layers.Layer[], channel: number): void {
  const channels = channelCount(layers);
  if (!Number.isInteger(channel) || channel < 0 || channel >= channels) {
    throw new RangeError(`Channel ${channel} is not one of the ${channels} channels of ${layers[layers.length - 1].name}.`);
  }
}
