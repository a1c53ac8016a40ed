import type { Grid } from '../core/grid';
import { paintGrid, type Domain } from './paintGrid';
import type { ColourScale } from './palette';

/** Colour of an output cell not computed yet (a light checker shows through NaN cells). */
export const UNFILLED = '#eef0f4';

/**
 * Paints a partly computed output map: computed cells on `scale` over `domain`, cells not
 * computed yet (NaN) in a light neutral grey, so the map visibly fills in step by step.
 */
export function paintStepOutput(ctx: CanvasRenderingContext2D, grid: Grid, scale: ColourScale, domain: Domain): void {
  paintGrid(ctx, grid, scale, domain);
  ctx.save();
  ctx.globalCompositeOperation = 'destination-over';
  ctx.fillStyle = UNFILLED;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
}
