import * as tf from '@tensorflow/tfjs';
import { INPUT_SIDE } from './spec';

const PIXELS = INPUT_SIDE * INPUT_SIDE;

export interface PredictDigitsOptions {
  /** Digits per pass through the model (default 100). */
  readonly batchSize?: number;
  /** Called after each batch with the fraction done (0..1]. */
  readonly onProgress?: (fraction: number) => void;
  /**
   * Cancels the run: it is checked between batches, and an aborted run rejects with the
   * signal's reason (an 'AbortError' unless the canceller gave another) instead of a result.
   */
  readonly signal?: AbortSignal;
}

/**
 * The predicted class (0-9) of each of `count` digits stored as bytes: digit i is
 * pixels[i*784, (i+1)*784), grey 0..255, white ink on black (divided by 255 on the way in).
 * Runs in batches, each inside tf.tidy, reading back only the argmax, so the main thread gets
 * a turn between batches and no tensor outlives its batch.
 */
export async function predictDigits(model: tf.LayersModel, pixels: Uint8Array, count: number, options: PredictDigitsOptions = {}): Promise<Int32Array> {
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(count) || count < 0 || pixels.length < count * PIXELS) {
    throw new RangeError(`Expected ${count} digits of ${PIXELS} bytes, got ${pixels.length} bytes.`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size must be a whole number >= 1, got ${batchSize}`);
  const predicted = new Int32Array(count);
  for (let start = 0; start < count; start += batchSize) {
    options.signal?.throwIfAborted();
    const n = Math.min(batchSize, count - start);
    const batch = Float32Array.from(pixels.subarray(start * PIXELS, (start + n) * PIXELS));
    const classes = tf.tidy(() => {
      const input = tf.tensor4d(batch, [n, INPUT_SIDE, INPUT_SIDE, 1]).div(255);
      return tf.argMax(model.predict(input) as tf.Tensor, 1);
    });
    try {
      predicted.set(await classes.data<'int32'>(), start);
    } finally {
      classes.dispose();
    }
    options.signal?.throwIfAborted();
    options.onProgress?.((start + n) / count);
  }
  return predicted;
}
