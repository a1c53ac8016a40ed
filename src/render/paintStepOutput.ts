import type { Grid } from '../core/grid';
import { paintGrid, type Domain } from './paintGrid';
import { VIEW, type ColourScale } from './palette';

/**
 * Paints a partly computed output map: computed cells on `scale` over `domain`, cells not
 * computed yet (NaN) in a light neutral grey, so the map visibly fills in step by step.
 */
export function paintStepOutput(ctx: CanvasRenderingContext2D, grid: Grid, scale: ColourScale, domain: Domain): void {
  paintGrid(ctx, grid, scale, domain);
  ctx.save();
  ctx.globalCompositeOperation = 'destination-over';
  ctx.fillStyle = VIEW.unfilled;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
}
