import { IDENTITY_OP, sameOp, traceReceptiveField, validOp, windowOutputSize, type LayerRegion, type WindowOp } from '../core/receptiveField';
import { INPUT_SIDE, assertValidSpec, type ModelSpec } from './spec';

/** A spatial layer (a feature map) and the sliding-window operation that makes it from the layer before. */
export interface SpatialLayer {
  /** The layer name, as in layerShapes: conv1, conv1_relu, pool1, ... */
  readonly name: string;
  readonly op: WindowOp;
  /** Side of the square map this layer outputs. */
  readonly side: number;
}

/**
 * The feature-map layers of the network built from `spec`, in order, each with its window
 * operation: a convolution (its kernel, stride and TensorFlow's padding), the activation (a
 * 1x1 window) and the pooling (window = stride, no padding). The input (28x28) comes before
 * the first one. Throws when the spec is invalid.
 */
export function spatialLayers(spec: ModelSpec): SpatialLayer[] {
  assertValidSpec(spec);
  const out: SpatialLayer[] = [];
  let n = INPUT_SIDE;
  const push = (name: string, op: WindowOp) => {
    n = windowOutputSize(n, op);
    out.push({ name, op, side: n });
  };
  spec.convBlocks.forEach((block, b) => {
    const index = b + 1;
    push(`conv${index}`, block.padding === 'same' ? sameOp(n, block.kernelSize, block.stride) : validOp(block.kernelSize, block.stride));
    push(`conv${index}_${block.activation}`, IDENTITY_OP);
    if (block.pool !== 'none') push(`pool${index}`, validOp(block.poolSize, block.poolSize));
  });
  return out;
}

/**
 * Traces cell (row, col) (0-based) of the layer named `layer` back through `chain` (from
 * {@link spatialLayers}) to the 28x28 input: the region it depends on in every layer, the
 * input first (index 0) and the layer itself last (index `depth`), where `depth` is the
 * layer's 1-based position in the chain. Null when the layer is not in the chain or the cell
 * is outside its map.
 */
export function traceLayerCell(chain: readonly SpatialLayer[], layer: string, row: number, col: number): { depth: number; regions: LayerRegion[] } | null {
  const depth = chain.findIndex((l) => l.name === layer) + 1;
  if (depth === 0) return null;
  const side = chain[depth - 1].side;
  if (!(Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0 && row < side && col < side)) return null;
  const regions = traceReceptiveField(
    INPUT_SIDE,
    INPUT_SIDE,
    chain.slice(0, depth).map((l) => l.op),
    row,
    col,
  );
  return { depth, regions };
}
