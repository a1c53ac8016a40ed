/**
 * The network at a glance: how big each layer's pictures are so that the input, every layer
 * and the softmax fit side by side in one box (CSS pixels). Feature maps are square tiles of
 * one size for the whole network, stacked in a few columns per layer; vectors are strips of
 * small cells; the softmax is ten labelled bars. When even the smallest tiles are too wide,
 * each layer shows only its first channels and says how many more it has.
 */

/** One layer as the overview draws it: a feature map [height, width, channels] or a vector [units]. */
export interface OverviewLayerShape {
  readonly name: string;
  readonly shape: readonly number[];
}

/** Sizes the overview uses, in CSS pixels. */
export const OVERVIEW_SIZES = Object.freeze({
  /** Smallest and largest side of one feature-map tile. */
  minTile: 10,
  maxTile: 64,
  /** Space between two tiles of a layer, at least (a whole number of map cells). */
  tileGap: 3,
  /** Space between two layers' columns; tightGap when the layers are many. */
  columnGap: 8,
  tightGap: 4,
  /** Narrowest a column gets, so its name stays readable; down to narrowColumn when many layers must share the width. */
  minColumn: 50,
  narrowColumn: 30,
  /** Side of the input picture, at most; tightInput when the layers are many. */
  maxInput: 112,
  tightInput: 84,
  /** Smallest and largest cell of a vector strip. */
  minVectorCell: 4,
  tightVectorCell: 2,
  maxVectorCell: 14,
  /** The softmax's bars (beside their digit labels). */
  softmaxWidth: 88,
  maxSoftmaxRow: 24,
});

export interface MapColumn {
  readonly kind: 'map';
  readonly name: string;
  readonly mapHeight: number;
  readonly mapWidth: number;
  readonly channels: number;
  /** Channels drawn (the first ones), and those left out. */
  readonly shown: number;
  readonly more: number;
  /** Tiles across and down. */
  readonly columns: number;
  readonly rows: number;
  /** CSS pixels per map cell, and the blank cells between two tiles. */
  readonly cellPx: number;
  readonly gapCells: number;
  /** The tiles' box, and the column's (at least minColumn wide). */
  readonly tilesWidth: number;
  readonly tilesHeight: number;
  readonly width: number;
}

export interface VectorColumn {
  readonly kind: 'vector';
  readonly name: string;
  readonly units: number;
  /** Cells across and down (units fill rows left to right; the last row may be short). */
  readonly columns: number;
  readonly rows: number;
  readonly cellPx: number;
  readonly tilesWidth: number;
  readonly tilesHeight: number;
  readonly width: number;
}

export interface SoftmaxColumn {
  readonly kind: 'softmax';
  readonly name: string;
  readonly units: number;
  /** Height of one bar's row. */
  readonly rowPx: number;
  readonly tilesWidth: number;
  readonly tilesHeight: number;
  readonly width: number;
}

export type OverviewColumn = MapColumn | VectorColumn | SoftmaxColumn;

export interface OverviewLayout {
  /** Side of one feature-map tile (0 when the network has no feature map). */
  readonly tile: number;
  readonly inputSide: number;
  /** Space between two columns. */
  readonly columnGap: number;
  readonly columns: readonly OverviewColumn[];
  /** Input plus every column plus the gaps. */
  readonly width: number;
  /** Whether it fits the width it was given (false only when even one channel a layer is too wide). */
  readonly fits: boolean;
  /** Channels left out over all layers. */
  readonly hidden: number;
}

const isMap = (l: OverviewLayerShape) => l.shape.length === 3;

function vectorColumn(name: string, units: number, height: number, minColumn: number, minVectorCell: number): VectorColumn {
  const { maxVectorCell } = OVERVIEW_SIZES;
  const maxRows = Math.max(1, Math.floor(height / minVectorCell));
  const columns = Math.ceil(units / Math.min(units, maxRows));
  const rows = Math.ceil(units / columns);
  const cellPx = Math.max(Math.min(maxVectorCell, height / rows), 1);
  const tilesWidth = columns * cellPx;
  return { kind: 'vector', name, units, columns, rows, cellPx, tilesWidth, tilesHeight: rows * cellPx, width: Math.max(minColumn, tilesWidth) };
}

function softmaxColumn(name: string, units: number, height: number): SoftmaxColumn {
  const { softmaxWidth, maxSoftmaxRow } = OVERVIEW_SIZES;
  const rowPx = Math.min(maxSoftmaxRow, height / Math.max(units, 1));
  return { kind: 'softmax', name, units, rowPx, tilesWidth: softmaxWidth, tilesHeight: rowPx * units, width: softmaxWidth };
}

/** One map layer at tile side `tile`, at most `maxColumns` tiles across. */
function mapColumn(name: string, shape: readonly number[], tile: number, height: number, maxColumns: number, minColumn: number): MapColumn {
  const { tileGap } = OVERVIEW_SIZES;
  const [mapHeight, mapWidth, channels] = shape;
  const cellPx = tile / Math.max(mapWidth, 1);
  const gapCells = Math.max(1, Math.ceil(tileGap / cellPx));
  const gap = gapCells * cellPx;
  const tileHeight = mapHeight * cellPx;
  const rowsFit = Math.max(1, Math.floor((height + gap) / (tileHeight + gap)));
  const columns = Math.max(1, Math.min(maxColumns, Math.ceil(channels / rowsFit)));
  const shown = Math.min(channels, columns * rowsFit);
  const rows = Math.ceil(shown / columns);
  const tilesWidth = columns * tile + (columns - 1) * gap;
  return {
    kind: 'map',
    name,
    mapHeight,
    mapWidth,
    channels,
    shown,
    more: channels - shown,
    columns,
    rows,
    cellPx,
    gapCells,
    tilesWidth,
    tilesHeight: rows * tileHeight + (rows - 1) * gap,
    width: Math.max(minColumn, tilesWidth),
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Fits the input, `layers` (input first, left to right; the last one named `softmaxName` is
 * drawn as bars) into `width` x `height` CSS pixels of pictures (labels come on top of that).
 * Picks the largest tile side from OVERVIEW_SIZES.maxTile down to minTile at which every
 * channel of every layer fits; failing that, the smallest tile and the most tiles across every
 * layer may have, its first channels only (`more` counts the rest). Columns are at least
 * minColumn wide, or as little as narrowColumn when that many layers would not fit otherwise.
 */
export function fitOverview(layers: readonly OverviewLayerShape[], width: number, height: number, softmaxName = 'softmax'): OverviewLayout {
  if (!(width > 0 && height > 0)) throw new RangeError(`the overview needs a positive width and height, got ${width} x ${height}`);
  const { minTile, maxTile, maxInput, tightInput, tightGap, minColumn, narrowColumn, softmaxWidth } = OVERVIEW_SIZES;
  // Too many layers for roomy columns: smaller gaps and a smaller input.
  const tight = maxInput + layers.length * (minColumn + OVERVIEW_SIZES.columnGap) > width;
  const columnGap = tight ? tightGap : OVERVIEW_SIZES.columnGap;
  const inputSide = Math.min(tight ? tightInput : maxInput, height);
  const gaps = layers.length * columnGap;
  // Many layers share the width: their columns may get narrower (their names wrap).
  const others = layers.filter((l) => l.name !== softmaxName).length;
  const labelRoom = Math.floor((width - inputSide - gaps - softmaxWidth) / Math.max(others, 1));
  const least = Math.max(narrowColumn, Math.min(minColumn, labelRoom));
  const fixed = layers
    .filter((l) => !isMap(l))
    .map((l) =>
      l.name === softmaxName
        ? softmaxColumn(l.name, l.shape[0], height)
        : vectorColumn(l.name, l.shape[0], height, least, tight ? OVERVIEW_SIZES.tightVectorCell : OVERVIEW_SIZES.minVectorCell),
    );
  const fixedWidth = inputSide + gaps + sum(fixed.map((c) => c.width));
  const maps = layers.filter(isMap);
  const room = width - fixedWidth;
  const mapsAt = (tile: number, maxColumns: number) => maps.map((l) => mapColumn(l.name, l.shape, tile, height, maxColumns, least));

  let chosen: MapColumn[] | null = null;
  let tile = maps.length ? maxTile : 0;
  for (let t = maxTile; maps.length && t >= minTile; t--) {
    const columns = mapsAt(t, Infinity);
    if (sum(columns.map((c) => c.width)) <= room) {
      chosen = columns;
      tile = t;
      break;
    }
  }
  if (!chosen && maps.length) {
    tile = minTile;
    const widest = Math.max(...mapsAt(minTile, Infinity).map((c) => c.columns));
    let cap = 1;
    for (let c = widest; c >= 1; c--) {
      if (sum(mapsAt(minTile, c).map((m) => m.width)) <= room) {
        cap = c;
        break;
      }
    }
    chosen = mapsAt(minTile, cap);
  }
  const byName = new Map<string, OverviewColumn>([...(chosen ?? []), ...fixed].map((c) => [c.name, c]));
  const columns = layers.map((l) => byName.get(l.name)!);
  const total = inputSide + gaps + sum(columns.map((c) => c.width));
  return {
    tile,
    inputSide,
    columnGap,
    columns,
    width: total,
    fits: total <= width + 1e-9,
    hidden: sum(columns.map((c) => (c.kind === 'map' ? c.more : 0))),
  };
}

/** The first `count` channels of an HWC feature map (`data[(r * width + x) * channels + c]`), HWC again. */
export function firstChannels(data: Float32Array, height: number, width: number, channels: number, count: number): Float32Array {
  if (data.length !== height * width * channels) throw new RangeError(`Expected ${height}x${width}x${channels} values, got ${data.length}`);
  if (count >= channels) return data;
  const out = new Float32Array(height * width * count);
  for (let p = 0, o = 0; p < height * width; p++) {
    for (let c = 0; c < count; c++) out[o++] = data[p * channels + c];
  }
  return out;
}
