import type { Grid } from '../core/grid';
import type { ColourScale } from './palette';

/** The value range a map is coloured over: `[lo, hi]`, with `lo` at t=0 and `hi` at t=1. */
export type Domain = readonly [number, number];

/**
 * Symmetric domain for signed data, so that zero sits in the middle of a diverging scale.
 * Never collapses to zero width.
 */
export function symmetricDomain(lo: number, hi: number): Domain {
  const m = Math.max(Math.abs(lo), Math.abs(hi), 1e-6);
  return [-m, m];
}

/** Sets `ctx`'s canvas to `w` x `h` pixels (only when it is another size) and gives a blank image of that size to fill. */
export function sizedImageData(ctx: CanvasRenderingContext2D, w: number, h: number): ImageData {
  const { canvas } = ctx;
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  return ctx.createImageData(w, h);
}

/**
 * Paints a Grid into `ctx` at native resolution (one canvas pixel per cell; CSS scales the
 * canvas up with `image-rendering: pixelated`). Resizes the canvas when the shape changed.
 * NaN cells are left transparent.
 */
export function paintGrid(ctx: CanvasRenderingContext2D, grid: Grid, scale: ColourScale, domain: Domain): void {
  const image = sizedImageData(ctx, Math.max(grid.width, 1), Math.max(grid.height, 1));
  const out = image.data;
  const [lo, hi] = domain;
  const k = hi > lo ? 255 / (hi - lo) : 0;
  const { lut } = scale;
  const src = grid.data;
  for (let i = 0; i < src.length; i++) {
    if (Number.isNaN(src[i])) continue; // left transparent: no value here
    let t = Math.round((src[i] - lo) * k);
    t = t < 0 ? 0 : t > 255 ? 255 : t;
    const o = i * 4;
    const l = t * 4;
    out[o] = lut[l];
    out[o + 1] = lut[l + 1];
    out[o + 2] = lut[l + 2];
    out[o + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}
