import type { LayerRegion } from '../../core/receptiveField';
import { channelLayout, channelOrigin, type ChannelLayout } from '../../render/channelGrid';
import type { MapColumn, OverviewLayout } from '../../render/overviewLayout';
import { VIEW } from '../../render/palette';
import { INPUT_SIDE } from '../../model/spec';
import type { OverviewBox } from './OverviewBoxes';
import { INPUT_NAME, regionCells, type OverviewTrace } from './overviewTrace';

/** Where a map column's channels sit on its canvas (the same layout it is painted with). */
export function mapLayout(column: MapColumn): ChannelLayout {
  return channelLayout(column.shown, column.mapHeight, column.mapWidth, column.columns, column.gapCells, column.gapCells);
}

function regionBox(region: LayerRegion, x0: number, y0: number, cellPx: number, colour: string, role: OverviewBox['role']): OverviewBox {
  return {
    left: (x0 + region.cols.first) * cellPx,
    top: (y0 + region.rows.first) * cellPx,
    width: (region.cols.last - region.cols.first + 1) * cellPx,
    height: (region.rows.last - region.rows.first + 1) * cellPx,
    colour,
    role,
    cells: regionCells(region),
  };
}

const single = (row: number, col: number): LayerRegion => ({
  rows: { size: 1, indices: [row], first: row, last: row, contiguous: true, padBefore: 0, padAfter: 0 },
  cols: { size: 1, indices: [col], first: col, last: col, contiguous: true, padBefore: 0, padAfter: 0 },
});

/**
 * The outlines a traced cell puts on the overview, by column name (`input` for the input): the
 * cell itself, the cells it reads in the layer before (in every channel drawn for a
 * convolution, in its own channel otherwise) and its receptive field in the input.
 */
export function traceBoxes(trace: OverviewTrace | null, layout: OverviewLayout): Map<string, OverviewBox[]> {
  const boxes = new Map<string, OverviewBox[]>();
  if (!trace) return boxes;
  const add = (name: string, box: OverviewBox) => boxes.set(name, [...(boxes.get(name) ?? []), box]);
  const maps = new Map(layout.columns.filter((c): c is MapColumn => c.kind === 'map').map((c) => [c.name, c]));
  const { cell } = trace;
  const inputPx = layout.inputSide / INPUT_SIDE;

  const own = maps.get(cell.layer);
  if (own && cell.channel < own.shown) {
    const o = channelOrigin(mapLayout(own), cell.channel);
    add(cell.layer, regionBox(single(cell.row, cell.col), o.x, o.y, own.cellPx, VIEW.chosen, 'chosen'));
  }
  if (trace.previous === INPUT_NAME) add(INPUT_NAME, regionBox(trace.depends, 0, 0, inputPx, VIEW.highlight, 'dep'));
  const previous = maps.get(trace.previous);
  if (previous) {
    const grid = mapLayout(previous);
    const channels = trace.everyChannel ? Array.from({ length: previous.shown }, (_, c) => c) : cell.channel < previous.shown ? [cell.channel] : [];
    for (const c of channels) {
      const o = channelOrigin(grid, c);
      add(previous.name, regionBox(trace.depends, o.x, o.y, previous.cellPx, VIEW.highlight, 'dep'));
    }
  }
  add(INPUT_NAME, regionBox(trace.input, 0, 0, inputPx, VIEW.chosen, 'rf'));
  return boxes;
}
