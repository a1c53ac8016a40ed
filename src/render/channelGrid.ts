import type { ColourScale } from './palette';
import { sizedImageData, type Domain } from './paintGrid';

/**
 * Where each channel of a layer sits on the layer's one canvas, in canvas pixels (one pixel
 * per cell): channels row by row, `columns` to a row, with blank gaps between them.
 */
export interface ChannelLayout {
  readonly channels: number;
  /** One channel's size in cells. */
  readonly mapHeight: number;
  readonly mapWidth: number;
  readonly columns: number;
  readonly rows: number;
  /** Blank pixels between two channels, across and down (the gap down leaves room for a caption). */
  readonly gapX: number;
  readonly gapY: number;
  /** The whole canvas. */
  readonly width: number;
  readonly height: number;
}

/** A cell of one channel: what a pointer or the keyboard points at. */
export interface ChannelCell {
  readonly channel: number;
  readonly row: number;
  readonly col: number;
}

export function channelLayout(channels: number, mapHeight: number, mapWidth: number, columns: number, gapX: number, gapY: number): ChannelLayout {
  for (const [name, v] of Object.entries({ channels, mapHeight, mapWidth, columns })) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  }
  if (!(gapX >= 0 && gapY >= 0 && Number.isInteger(gapX) && Number.isInteger(gapY))) throw new RangeError(`gaps must be whole pixels, got ${gapX} and ${gapY}`);
  const cols = Math.min(columns, channels);
  const rows = Math.ceil(channels / cols);
  return {
    channels,
    mapHeight,
    mapWidth,
    columns: cols,
    rows,
    gapX,
    gapY,
    width: cols * mapWidth + (cols - 1) * gapX,
    height: rows * mapHeight + (rows - 1) * gapY,
  };
}

/** The top-left canvas pixel of `channel`. */
export function channelOrigin(layout: ChannelLayout, channel: number): { x: number; y: number } {
  const gridRow = Math.floor(channel / layout.columns);
  const gridCol = channel % layout.columns;
  return { x: gridCol * (layout.mapWidth + layout.gapX), y: gridRow * (layout.mapHeight + layout.gapY) };
}

/** The channel cell under canvas position (x, y) (fractional pixels), or null over a gap or outside. */
export function channelCellAt(layout: ChannelLayout, x: number, y: number): ChannelCell | null {
  if (!(x >= 0 && y >= 0 && x < layout.width && y < layout.height)) return null;
  const gridCol = Math.floor(x / (layout.mapWidth + layout.gapX));
  const gridRow = Math.floor(y / (layout.mapHeight + layout.gapY));
  const col = Math.floor(x - gridCol * (layout.mapWidth + layout.gapX));
  const row = Math.floor(y - gridRow * (layout.mapHeight + layout.gapY));
  const channel = gridRow * layout.columns + gridCol;
  if (col >= layout.mapWidth || row >= layout.mapHeight || channel >= layout.channels) return null;
  return { channel, row, col };
}

/**
 * Writes every channel of a feature map stored HWC (`data[(r * width + x) * channels + c]`)
 * as RGBA pixels into `out` (layout.width x layout.height x 4), one pixel per cell, laid out as
 * the layout's grid. Gaps and NaN cells stay transparent (untouched).
 */
export function fillChannels(out: Uint8ClampedArray, data: Float32Array, layout: ChannelLayout, scale: ColourScale, domain: Domain): void {
  const { channels, mapHeight: h, mapWidth: w } = layout;
  if (data.length !== h * w * channels) throw new RangeError(`Expected ${h}x${w}x${channels} values, got ${data.length}`);
  if (out.length !== layout.width * layout.height * 4) throw new RangeError(`Expected ${layout.width}x${layout.height} pixels, got ${out.length / 4}`);
  const [lo, hi] = domain;
  const k = hi > lo ? 255 / (hi - lo) : 0;
  const { lut } = scale;
  for (let c = 0; c < channels; c++) {
    const { x: x0, y: y0 } = channelOrigin(layout, c);
    for (let r = 0; r < h; r++) {
      let o = ((y0 + r) * layout.width + x0) * 4;
      for (let x = 0, j = r * w * channels + c; x < w; x++, j += channels, o += 4) {
        const v = data[j];
        if (Number.isNaN(v)) continue;
        let t = Math.round((v - lo) * k);
        t = t < 0 ? 0 : t > 255 ? 255 : t;
        const l = t * 4;
        out[o] = lut[l];
        out[o + 1] = lut[l + 1];
        out[o + 2] = lut[l + 2];
        out[o + 3] = 255;
      }
    }
  }
}

/** Paints the channels into `ctx` (see fillChannels), resizing its canvas to the layout: one putImageData. */
export function paintChannels(ctx: CanvasRenderingContext2D, data: Float32Array, layout: ChannelLayout, scale: ColourScale, domain: Domain): void {
  const image = sizedImageData(ctx, layout.width, layout.height);
  fillChannels(image.data, data, layout, scale, domain);
  ctx.putImageData(image, 0, 0);
}
