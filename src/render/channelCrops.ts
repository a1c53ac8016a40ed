import { channelLayout, channelOrigin, type ChannelLayout } from './channelGrid';

/**
 * The layout a layer canvas carries in its data attributes (`data-channels`, `data-map-height`,
 * `data-map-width`, `data-columns`, `data-gap-x`, `data-gap-y`), or null for a canvas without.
 */
export function layoutOf(canvas: HTMLCanvasElement): ChannelLayout | null {
  const d = canvas.dataset;
  if (d.channels === undefined) return null;
  return channelLayout(Number(d.channels), Number(d.mapHeight), Number(d.mapWidth), Number(d.columns), Number(d.gapX), Number(d.gapY));
}

/** Each channel of a layer canvas on a canvas of its own, at the same resolution. */
export function channelCrops(canvas: HTMLCanvasElement, layout: ChannelLayout): HTMLCanvasElement[] {
  return Array.from({ length: layout.channels }, (_, c) => {
    const { x, y } = channelOrigin(layout, c);
    const out = document.createElement('canvas');
    out.width = layout.mapWidth;
    out.height = layout.mapHeight;
    out.getContext('2d')?.drawImage(canvas, x, y, layout.mapWidth, layout.mapHeight, 0, 0, layout.mapWidth, layout.mapHeight);
    return out;
  });
}
