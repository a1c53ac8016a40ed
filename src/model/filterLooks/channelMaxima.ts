/**
 * Every channel's strongest cell (see convTarget.ts) of one convolution layer, for many
 * digits at once: batched tfjs passes over the chain up to that layer, pausing between
 * batches, so all channels of a layer come from one sweep over the digits.
 */
import * as tf from '@tensorflow/tfjs';
import type { Pause } from '../../core/slices';
import { unguarded, type Guard } from '../guard';
import { channelCount, layersUpTo } from './convTarget';

/** The strongest cell of every channel for every digit, digit-major. */
export interface ChannelMaxima {
  readonly layer: string;
  /** Number of digits. */
  readonly count: number;
  readonly channels: number;
  /** Side of the layer's output: height and width. */
  readonly height: number;
  readonly width: number;
  /** values[d * channels + c]: digit d's strongest value in channel c. */
  readonly values: Float32Array;
  /** cells[d * channels + c]: where it is, row * width + col. */
  readonly cells: Int32Array;
}

export interface MaximaHooks {
  readonly signal?: AbortSignal;
  readonly pause?: Pause;
  /** Digits done so far, after each batch. */
  readonly onProgress?: (done: number, count: number) => void;
  readonly guard?: Guard;
  /** Digits per batch (default 100). */
  readonly batch?: number;
}

/**
 * The strongest cell of every channel of convolution `layer` for `count` digits given as
 * bytes (784 per digit, 0..255, row-major; scaled to [0, 1] as the model expects), in
 * inference mode. Creates no lasting tensors, whether it ends, fails or is given up.
 */
export async function channelMaxima(model: tf.LayersModel, layer: string, pixels: Uint8Array, count: number, hooks: MaximaHooks = {}): Promise<ChannelMaxima> {
  const layers = layersUpTo(model, layer);
  const { signal, pause, onProgress, guard = unguarded, batch = 100 } = hooks;
  const [, height, width] = model.inputs[0].shape as number[];
  const size = height * width;
  if (pixels.length < count * size) throw new RangeError(`${count} digits need ${count * size} bytes; ${pixels.length} were given.`);
  const [, outH, outW] = layers[layers.length - 1].outputShape as number[];
  const channels = channelCount(layers);
  const values = new Float32Array(count * channels);
  const cells = new Int32Array(count * channels);
  for (let start = 0; start < count; start += batch) {
    signal?.throwIfAborted();
    const n = Math.min(batch, count - start);
    const [max, at] = tf.tidy(() => {
      const x = tf
        .tensor4d(pixels.subarray(start * size, (start + n) * size), [n, height, width, 1], 'int32')
        .toFloat()
        .div(255);
      const out = (layers.reduce((t, l) => l.apply(t, { training: false }) as tf.Tensor, x as tf.Tensor) as tf.Tensor4D).reshape([n, outH * outW, channels]);
      return [out.max(1), out.argMax(1)];
    });
    try {
      const [v, c] = await guard(Promise.all([max.data(), at.data()]));
      values.set(v, start * channels);
      cells.set(c, start * channels);
    } finally {
      max.dispose();
      at.dispose();
    }
    onProgress?.(start + n, count);
    if (start + n < count && pause) await pause();
  }
  signal?.throwIfAborted();
  return { layer, count, channels, height: outH, width: outW, values, cells };
}
