/**
 * The arithmetic of Grad-CAM (Selvaraju et al., 2017) once a network has given a layer's
 * feature maps A and the gradient of a class score with respect to them: each channel's
 * weight is its gradient averaged over the map, alpha_k = mean over (i, j) of dScore/dA_k(i, j);
 * the map is ReLU(sum over k of alpha_k A_k), the places whose features push the class's
 * score up. Framework-free; `src/model/attribution/gradCam.ts` gets A and the gradient from tfjs.
 */
import { createGrid, type FeatureMaps, type Grid } from './grid';

/** A class's Grad-CAM at the resolution of the layer it was taken from. */
export interface GradCamMap {
  /** alpha_k, one weight per channel. */
  readonly channelWeights: Float32Array;
  /** ReLU of the weighted sum of the channels, height x width of the layer (all >= 0). */
  readonly map: Grid;
}

/**
 * Grad-CAM from feature maps and their gradients (both NHWC without the batch dimension,
 * of the same shape). Worked in double precision, stored as float32. Throws a RangeError
 * when the shapes differ or when either's data is not height x width x channels long.
 */
export function gradCamMap(maps: FeatureMaps, gradients: FeatureMaps): GradCamMap {
  const { height, width, channels } = maps;
  if (gradients.height !== height || gradients.width !== width || gradients.channels !== channels) {
    throw new RangeError(`The gradients are ${gradients.height}x${gradients.width}x${gradients.channels}; the maps are ${height}x${width}x${channels}.`);
  }
  const size = height * width * channels;
  const refuse = (name: string, length: number) => new RangeError(`The ${name} hold ${length} values; ${height}x${width}x${channels} needs ${size}.`);
  if (maps.data.length !== size) throw refuse('maps', maps.data.length);
  if (gradients.data.length !== size) throw refuse('gradients', gradients.data.length);
  const cells = height * width;
  const weights = new Float64Array(channels);
  for (let p = 0; p < cells; p++) for (let k = 0; k < channels; k++) weights[k] += gradients.data[p * channels + k];
  for (let k = 0; k < channels; k++) weights[k] /= cells;
  const map = createGrid(height, width);
  for (let p = 0; p < cells; p++) {
    let sum = 0;
    for (let k = 0; k < channels; k++) sum += weights[k] * maps.data[p * channels + k];
    map.data[p] = Math.max(0, sum);
  }
  return { channelWeights: Float32Array.from(weights), map };
}
