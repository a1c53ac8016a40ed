import type { LayerRegion } from '../../core/receptiveField';
import { traceLayerCell, type SpatialLayer } from '../../model/spatialOps';

/** A cell of one feature-map layer of the overview. */
export interface OverviewCell {
  readonly layer: string;
  readonly channel: number;
  readonly row: number;
  readonly col: number;
}

/** What one cell depends on: cells of the layer before it, and its receptive field in the input. */
export interface OverviewTrace {
  readonly cell: OverviewCell;
  /** The layer before ("input" for the first layer). */
  readonly previous: string;
  /** The rows x columns of the layer before that the cell reads, in each channel it reads. */
  readonly depends: LayerRegion;
  /** A convolution reads every channel of the layer before; an activation or a pooling only its own. */
  readonly everyChannel: boolean;
  /** The input pixels the cell depends on, through every layer. */
  readonly input: LayerRegion;
}

/** The name the overview gives the input. */
export const INPUT_NAME = 'input';

const isConvolution = (name: string) => /^conv\d+$/.test(name);

/**
 * Traces `cell` of a feature-map layer back through `chain` (spatialLayers of the spec: every
 * window operation from the input on): the cells it reads in the layer before and its receptive
 * field in the 28 x 28 input. Null when the layer is not in the chain or the cell is outside it.
 */
export function traceOverviewCell(chain: readonly SpatialLayer[], cell: OverviewCell): OverviewTrace | null {
  const traced = traceLayerCell(chain, cell.layer, cell.row, cell.col);
  if (!traced) return null;
  const { depth, regions } = traced;
  return {
    cell,
    previous: depth > 1 ? chain[depth - 2].name : INPUT_NAME,
    depends: regions[depth - 1],
    everyChannel: isConvolution(cell.layer),
    input: regions[0],
  };
}

/** How many cells of a region (every row it reads times every column). */
export function regionCells(region: LayerRegion): number {
  return region.rows.indices.length * region.cols.indices.length;
}
