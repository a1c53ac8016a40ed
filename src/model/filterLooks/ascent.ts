/**
 * What a filter looks for, by activation maximisation: the 28x28 input in [0, 1] that makes
 * one channel's strongest cell (see convTarget.ts) as large as it can be, found by gradient
 * ascent from a plain, faintly noisy image. Left alone, ascent makes high-frequency noise
 * that excites the filter but shows nothing a person can read; three regularisers keep the
 * picture smooth and sparse:
 * - jitter: each step takes the gradient on a copy of the image shifted by a few random
 *   pixels, so the pattern cannot rely on one exact pixel grid;
 * - blur: every few steps a small Gaussian smooths the image;
 * - decay: every step pulls each pixel a little toward 0 (black), so only pixels that help
 *   keep their ink.
 * After every step the image is clipped to [0, 1], the range of a real digit. The last few
 * steps polish without jitter or blur. The result is the step whose image (unshifted)
 * reached the highest value.
 */
import * as tf from '@tensorflow/tfjs';
import { createGrid, type Grid } from '../../core/grid';
import type { Pause } from '../../core/slices';
import { unguarded, type Guard } from '../guard';
import { createRandom } from '../random';
import { applyLayers } from '../attribution/layerChain';
import { checkChannel, layersUpTo } from './convTarget';

export interface AscentOptions {
  /** Gradient steps (>= 1). */
  readonly steps: number;
  /** Seed of the starting noise and of the jitter. */
  readonly seed: number;
  /** Size of one step: the gradient is scaled to this root-mean-square change per pixel. */
  readonly stepSize: number;
  /** Largest shift of the jitter, in pixels, along each axis (0: none). */
  readonly jitter: number;
  /** A Gaussian blur every this many steps (0: never). */
  readonly blurEvery: number;
  /** Fraction of each pixel taken away every step (pull toward 0). */
  readonly decay: number;
  /** Grey level of the plain starting image; seeded noise of +- `noise` is added to it. */
  readonly start: number;
  readonly noise: number;
  /**
   * The last this many steps polish the picture without jitter or blur: the regularised
   * steps before them shape the pattern, these push its cell to the top the pattern allows.
   */
  readonly polish: number;
}

export const DEFAULT_ASCENT: AscentOptions = Object.freeze({
  steps: 96,
  seed: 1,
  stepSize: 0.05,
  jitter: 1,
  blurEvery: 4,
  decay: 0.01,
  start: 0.1,
  noise: 0.05,
  polish: 24,
});

/** Where the ascent is: after step `step` of `steps`, with the best value so far. */
export interface AscentProgress {
  readonly step: number;
  readonly steps: number;
  /** The strongest cell's value on the image of this step (unshifted). */
  readonly activation: number;
  /** The highest value reached so far. */
  readonly best: number;
}

/** The image found and what it reaches. */
export interface AscentResult {
  readonly layer: string;
  readonly channel: number;
  /** 28x28, row-major, every value in [0, 1]. */
  readonly image: Grid;
  /** The strongest cell's value on `image`. */
  readonly activation: number;
  /** That cell, 0-based, in the convolution's output. */
  readonly row: number;
  readonly col: number;
  /** The step (1-based) whose image this is. */
  readonly step: number;
  readonly steps: number;
}

export interface AscentHooks {
  /** Gives the ascent up between two steps: it then frees its tensors and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Waits between two steps (the page's frames, the pen). */
  readonly pause?: Pause;
  readonly onProgress?: (progress: AscentProgress) => void;
  readonly guard?: Guard;
}

/** A 3x3 Gaussian (sigma about 0.6), as a depthwise kernel [3, 3, 1, 1]. */
const BLUR_WEIGHTS = [1, 2, 1, 2, 4, 2, 1, 2, 1].map((w) => w / 16);

/** The image shifted down by `dy` and right by `dx` pixels (either may be negative), zeros coming in. */
function shifted(x: tf.Tensor4D, dy: number, dx: number, pad: number): tf.Tensor4D {
  if (dy === 0 && dx === 0) return x;
  const [, h, w] = x.shape;
  return tf
    .pad(x, [
      [0, 0],
      [pad, pad],
      [pad, pad],
      [0, 0],
    ])
    .slice([0, pad - dy, pad - dx, 0], [1, h, w, 1]);
}

/** The strongest cell's value of `channel` and its flat position (row * width + col), as tensors. */
function strongest(layers: readonly tf.layers.Layer[], channel: number, x: tf.Tensor4D): { value: tf.Scalar; at: tf.Tensor } {
  const out = applyLayers(layers, x) as tf.Tensor4D;
  const [, h, w, c] = out.shape;
  const cells = out
    .reshape([h * w, c])
    .slice([0, channel], [h * w, 1])
    .reshape([h * w]);
  return { value: cells.max() as tf.Scalar, at: cells.argMax() };
}

/**
 * Runs the ascent for channel `channel` (0-based) of the convolution layer `layer` of `model`
 * (input [1, 28, 28, 1], grey in [0, 1]), in inference mode: one `tf.tidy` per step, pausing
 * between steps. Creates no lasting tensors, whether it ends, fails or is given up.
 * @throws RangeError for a layer that is not a convolution or a channel it does not have
 */
export async function ascendChannel(
  model: tf.LayersModel,
  layer: string,
  channel: number,
  options: AscentOptions = DEFAULT_ASCENT,
  hooks: AscentHooks = {},
): Promise<AscentResult> {
  const layers = layersUpTo(model, layer);
  checkChannel(layers, channel);
  const { signal, pause, onProgress, guard = unguarded } = hooks;
  const [, height, width] = model.inputs[0].shape as number[];
  const rng = createRandom(options.seed);
  const startValues = Float32Array.from({ length: height * width }, () => Math.min(1, Math.max(0, options.start + options.noise * (2 * rng() - 1))));
  let x: tf.Tensor4D = tf.tensor4d(startValues, [1, height, width, 1]);
  let best: { image: tf.Tensor4D; value: number; at: number; step: number } | null = null;
  const blurKernel = tf.tensor4d(BLUR_WEIGHTS, [3, 3, 1, 1]);
  const pad = Math.max(0, Math.floor(options.jitter));
  const objective = (input: tf.Tensor) => strongest(layers, channel, input as tf.Tensor4D).value;
  try {
    for (let step = 1; step <= options.steps; step++) {
      signal?.throwIfAborted();
      const shaping = step <= options.steps - options.polish;
      const dy = pad && shaping ? Math.floor(rng() * (2 * pad + 1)) - pad : 0;
      const dx = pad && shaping ? Math.floor(rng() * (2 * pad + 1)) - pad : 0;
      const blur = shaping && options.blurEvery > 0 && step % options.blurEvery === 0;
      const current: tf.Tensor4D = x;
      const [next, value, at] = tf.tidy(() => {
        const grad = tf.grad((input: tf.Tensor) => objective(shifted(input as tf.Tensor4D, dy, dx, pad)))(current) as tf.Tensor4D;
        const rms = grad.square().mean().sqrt().add(1e-12);
        let moved: tf.Tensor4D = current.add(grad.div(rms).mul(options.stepSize));
        if (blur) moved = tf.depthwiseConv2d(moved, blurKernel, 1, 'same');
        const clipped = moved.mul(1 - options.decay).clipByValue(0, 1) as tf.Tensor4D;
        const reached = strongest(layers, channel, clipped);
        return [clipped, reached.value, reached.at] as const;
      });
      x = next;
      current.dispose();
      let read: [Float32Array, Int32Array];
      try {
        read = await guard(Promise.all([value.data<'float32'>(), at.data<'int32'>()]));
      } finally {
        value.dispose();
        at.dispose();
      }
      const activation = read[0][0];
      if (!best || activation > best.value) {
        best?.image.dispose();
        best = { image: tf.clone(x), value: activation, at: read[1][0], step };
      }
      onProgress?.({ step, steps: options.steps, activation, best: best.value });
      if (step < options.steps && pause) await pause();
    }
    signal?.throwIfAborted();
    const found = best!;
    const image = await guard(found.image.data<'float32'>());
    const outWidth = (layers[layers.length - 1].outputShape as number[])[2];
    return {
      layer,
      channel,
      image: createGrid(height, width, Float32Array.from(image)),
      activation: found.value,
      row: Math.floor(found.at / outWidth),
      col: found.at % outWidth,
      step: found.step,
      steps: options.steps,
    };
  } finally {
    x.dispose();
    best?.image.dispose();
    blurKernel.dispose();
  }
}
