/**
 * Grad-CAM of one class for one image: where the last convolution's features speak for the
 * class. The feature maps are those of the last convolution block after its activation and
 * before its pooling (`convN_relu` for a ReLU block): the last maps that still keep a place
 * in the image for every feature, which is the layer Grad-CAM's authors use (the last
 * convolution with its ReLU); pooling would only coarsen them. The arithmetic is
 * `src/core/gradCam.ts`; this file gets the maps and their gradient from tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { gradCamMap } from '../../core/gradCam';
import type { Grid } from '../../core/grid';
import { resizeBilinear } from '../../core/resize';
import { unguarded, type Guard } from '../guard';
import { applyLayers, chainLayers, checkClass, classLogProbability, imageBatch, logitsPosition } from './layerChain';

/** One class's Grad-CAM for one image. */
export interface GradCam {
  /** The layer whose feature maps were used, e.g. `conv2_relu`. */
  readonly layer: string;
  /** One weight per channel of that layer: its mean gradient of the class's log-probability. */
  readonly channelWeights: Float32Array;
  /** ReLU of the weighted sum of the channels, at the layer's resolution (e.g. 11x11), all >= 0. */
  readonly coarse: Grid;
  /**
   * `coarse` stretched over the whole image (bilinear, pixel centres aligned:
   * `resizeBilinear`), as Grad-CAM is usually shown. It is a picture, not an exact map: a
   * cell's receptive field is centred up to a few pixels from where the stretch puts it
   * (3 px at the edges of the default network's 11x11 map, whose 'valid' convolutions
   * trim the borders).
   */
  readonly heatmap: Grid;
  /** The largest value of `heatmap` (0 when nothing speaks for the class). */
  readonly max: number;
}

/**
 * Position of the layer whose output Grad-CAM uses: the activation layer right after the
 * last convolution; -1 when the model has no convolution. Every ConvLens model follows each
 * convolution with its own activation layer (`build.ts`; `validateUpload.ts` refuses other
 * patterns), so a convolution without one means the model was not built as ConvLens builds
 * models: that throws, rather than quietly explaining another layer.
 */
export function featureMapPosition(layers: readonly tf.layers.Layer[]): number {
  let conv = -1;
  layers.forEach((layer, i) => {
    if (layer.getClassName() === 'Conv2D') conv = i;
  });
  if (conv < 0) return -1;
  const next = layers[conv + 1];
  if (next?.getClassName() !== 'Activation' || next.getConfig().activation === 'softmax') {
    throw new Error(`The last convolution, \`${layers[conv].name}\`, is not followed by its activation layer, as in every ConvLens model.`);
  }
  return conv + 1;
}

/**
 * Grad-CAM of class `classIndex` (0..classes-1) for `image` (the model's input size, grey
 * levels in [0, 1], white on black), with the model in inference mode; null when the model
 * has no convolution layer. Creates no lasting tensors, even when `guard` gives up on the
 * read (a lost WebGL context; then it rejects with the guard's error).
 */
export async function gradCam(model: tf.LayersModel, image: Grid, classIndex: number, guard: Guard = unguarded): Promise<GradCam | null> {
  const layers = chainLayers(model);
  const last = logitsPosition(layers);
  checkClass(layers[last], classIndex);
  const target = featureMapPosition(layers);
  if (target < 0) return null;
  const toMaps = layers.slice(0, target + 1);
  const toLogits = layers.slice(target + 1, last + 1);
  const [maps, gradients] = tf.tidy(() => {
    const a = applyLayers(toMaps, imageBatch(model, image));
    return [a, tf.grad((x: tf.Tensor) => classLogProbability(applyLayers(toLogits, x), classIndex))(a)];
  });
  try {
    const [, height, width, channels] = maps.shape;
    const [mapValues, gradientValues] = await guard(Promise.all([maps.data<'float32'>(), gradients.data<'float32'>()]));
    const { channelWeights, map } = gradCamMap({ data: mapValues, height, width, channels }, { data: gradientValues, height, width, channels });
    const heatmap = resizeBilinear(map, image.height, image.width);
    let max = 0;
    for (const v of heatmap.data) max = Math.max(max, v);
    return { layer: layers[target].name, channelWeights, coarse: map, heatmap, max };
  } finally {
    maps.dispose();
    gradients.dispose();
  }
}
