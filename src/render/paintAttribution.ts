import type { Grid } from '../core/grid';
import type { ColourScale } from './palette';
import { sizedImageData, type Domain } from './paintGrid';

/** How bright the digit under an attribution map is drawn (its ink at 1 becomes this grey), so the colours stand out on it. */
export const UNDERLAY_BRIGHTNESS = 0.4;

/**
 * Paints an attribution map over its input at native resolution (one canvas pixel per
 * pixel; CSS scales it up): the digit in dim grey, and on top of it each value's colour on
 * `scale` over `domain`, as opaque as the value is far from the domain's neutral point
 * (0 for a signed map, the low end for a non-negative one), so the parts that matter carry
 * colour and the rest shows the digit. NaN values (no value there) show the digit alone.
 * `map` and `input` have the same size.
 */
export function paintAttribution(ctx: CanvasRenderingContext2D, input: Grid, map: Grid, scale: ColourScale, domain: Domain): void {
  const { width: w, height: h } = map;
  const image = sizedImageData(ctx, w, h);
  const out = image.data;
  const [lo, hi] = domain;
  const neutral = lo < 0 && hi > 0 ? 0 : lo;
  const reach = Math.max(hi - neutral, neutral - lo, 1e-12);
  const k = hi > lo ? 255 / (hi - lo) : 0;
  const { lut } = scale;
  for (let i = 0; i < map.data.length; i++) {
    const grey = 255 * UNDERLAY_BRIGHTNESS * Math.min(1, Math.max(0, input.data[i]));
    const v = map.data[i];
    const o = i * 4;
    let alpha = 0;
    let l = 0;
    if (!Number.isNaN(v)) {
      alpha = Math.min(1, Math.abs(v - neutral) / reach);
      const t = Math.round((v - lo) * k);
      l = (t < 0 ? 0 : t > 255 ? 255 : t) * 4;
    }
    out[o] = grey + (lut[l] - grey) * alpha;
    out[o + 1] = grey + (lut[l + 1] - grey) * alpha;
    out[o + 2] = grey + (lut[l + 2] - grey) * alpha;
    out[o + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}
