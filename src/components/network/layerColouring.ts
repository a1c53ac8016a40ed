import { finiteRange } from '../../core/channels';
import type { LayerOutput } from '../../model/activations';
import { COLOUR_SCALES, type ColourScale } from '../../render/palette';
import { symmetricDomain, type Domain } from '../../render/paintGrid';

/** How a layer's values are coloured: signed values on the diverging scale, others sequential. */
export function colouring(layer: LayerOutput): { scale: ColourScale; domain: Domain } {
  const [lo, hi] = finiteRange(layer.data);
  if (lo < 0) return { scale: COLOUR_SCALES.diverging, domain: symmetricDomain(lo, hi) };
  return { scale: COLOUR_SCALES.sequential, domain: [0, Math.max(hi, 1e-6)] };
}

/**
 * How a layer is drawn: a feature map as its channels (height x width each), a vector as one
 * block `columns` wide (10 units in a row, more as rows of 16).
 */
export interface LayerPicture {
  readonly isMap: boolean;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  /** CSS pixels per cell. */
  readonly cellPx: number;
}

export function layerPicture(shape: readonly number[]): LayerPicture {
  if (shape.length === 3) {
    const [height, width, channels] = shape;
    const tile = height >= 20 ? 60 : 48;
    return { isMap: true, channels, height, width, cellPx: tile / Math.max(width, 1) };
  }
  const n = shape[0];
  const width = n <= 10 ? n : 16;
  return { isMap: false, channels: 1, height: Math.ceil(n / width), width, cellPx: width === 10 ? 26 : 13 };
}

/** The values of `layer` as `picture` draws them, HWC: a vector is padded with NaN to whole rows. */
export function pictureData(layer: LayerOutput, picture: LayerPicture): Float32Array {
  const size = picture.height * picture.width * picture.channels;
  if (layer.data.length === size) return layer.data;
  const out = new Float32Array(size).fill(NaN);
  out.set(layer.data.subarray(0, size));
  return out;
}
