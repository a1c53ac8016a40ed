/**
 * The layers a map of all digits can be made from, for any architecture the editor allows:
 * the pixels, each convolution block's output (its pooling, or its activation when the block
 * does not pool), and the last hidden dense layer's activations. And each digit's values at
 * one of them, from the plain-JavaScript forward pass.
 */
import { MNIST_PIXELS } from '../../core/grid';
import type { PlainNetwork } from '../plainForward';
import { layerShapes, type ModelSpec } from '../spec';

/** The layers a map can be made from, as written in a link (`ml=`). */
export const MAP_LAYER_IDS = ['pixels', 'pool1', 'pool2', 'pool3', 'pool4', 'dense'] as const;
export type MapLayerId = (typeof MAP_LAYER_IDS)[number];

/**
 * Values a digit beyond which a layer is not offered: 1,000 digits of 16,384 float32 values
 * are 64 MB, about what a page can spare (a 'same'-padded block of 128 channels without pooling
 * would need 100,352 a digit).
 */
export const MAX_MAP_FEATURES = 16_384;

export interface MapLayer {
  readonly id: MapLayerId;
  /** The plain pass's layer whose output is mapped (`pool2`, `conv3_relu`, `dense1_relu`); null for the pixels. */
  readonly layerName: string | null;
  /** Values a digit at this layer. */
  readonly size: number;
  /** True when the block has no pooling and its activation stands in. */
  readonly unpooled: boolean;
  /** False when the layer has more than {@link MAX_MAP_FEATURES} values a digit. */
  readonly mappable: boolean;
}

/** The layers of `spec` a map can be made from, pixels first, in the order of the network. */
export function mapLayers(spec: ModelSpec): MapLayer[] {
  const layers = layerShapes(spec);
  const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
  const choice = (id: MapLayerId, layerName: string | null, n: number, unpooled = false): MapLayer => ({
    id,
    layerName,
    size: n,
    unpooled,
    mappable: n <= MAX_MAP_FEATURES,
  });
  const out: MapLayer[] = [choice('pixels', null, MNIST_PIXELS)];
  spec.convBlocks.forEach((block, i) => {
    const index = i + 1;
    const name = block.pool === 'none' ? `conv${index}_${block.activation}` : `pool${index}`;
    const layer = layers.find((l) => l.name === name)!;
    out.push(choice(`pool${index}` as MapLayerId, name, size(layer.shape), block.pool === 'none'));
  });
  const last = spec.dense.length;
  if (last > 0) {
    const name = `dense${last}_${spec.dense[last - 1].activation}`;
    out.push(choice('dense', name, spec.dense[last - 1].units));
  }
  return out;
}

/**
 * Each digit's values at `layer`, one row a digit: `images` holds the digits one after the
 * other, 784 grey levels in [0, 1] each (row-major 28×28); the result's rows are views into
 * one Float32Array (NHWC order for a block's maps). `onDigit` hears each digit done (for
 * progress); the pixels are copied as they are.
 */
export function layerFeatures(plain: PlainNetwork | null, images: Float32Array, layer: MapLayer, onDigit?: (done: number) => void): Float32Array[] {
  const count = images.length / MNIST_PIXELS;
  const all = new Float32Array(count * layer.size);
  for (let i = 0; i < count; i++) {
    const image = images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS);
    all.set(digitFeatures(plain, image, layer), i * layer.size);
    onDigit?.(i + 1);
  }
  return Array.from({ length: count }, (_, i) => all.subarray(i * layer.size, (i + 1) * layer.size));
}

/** One digit's values at `layer` (784 grey levels in, `layer.size` values out). */
export function digitFeatures(plain: PlainNetwork | null, image: Float32Array, layer: MapLayer): Float32Array {
  if (layer.layerName === null) return Float32Array.from(image);
  if (!plain) throw new Error(`The layer ${layer.layerName} needs the network.`);
  const output = plain.run(image).find((l) => l.name === layer.layerName);
  if (!output) throw new Error(`The network has no layer ${layer.layerName}.`);
  return output.data;
}
