/**
 * Grad-CAM's coarse map laid over the digit by the network's geometry: each cell at the
 * centre of its receptive field, traced through every convolution, activation and pooling
 * before the layer (`spatialLayers`), and nothing on the pixels no cell sees (see
 * `src/core/cellPlacement.ts`).
 */
import { placeOnInput } from '../../core/cellPlacement';
import type { Grid } from '../../core/grid';
import { spatialLayers } from '../spatialOps';
import { INPUT_SIDE, type ModelSpec } from '../spec';

/**
 * The window operations from the input to layer `layer` (e.g. `conv2_relu`) of the network
 * built from `spec`, in order; throws when the network has no such spatial layer.
 */
export function opsToLayer(spec: ModelSpec, layer: string): ReturnType<typeof spatialLayers>[number]['op'][] {
  const layers = spatialLayers(spec);
  const at = layers.findIndex((l) => l.name === layer);
  if (at < 0) throw new Error(`The network has no spatial layer \`${layer}\`.`);
  return layers.slice(0, at + 1).map((l) => l.op);
}

/**
 * `coarse`, the map of layer `layer` of the network built from `spec`, over the 28x28 input:
 * bilinear between receptive-field centres, NaN where no cell of the layer sees the pixel.
 */
export function placeLayerMap(spec: ModelSpec, layer: string, coarse: Grid): Grid {
  return placeOnInput(coarse, INPUT_SIDE, INPUT_SIDE, opsToLayer(spec, layer));
}
