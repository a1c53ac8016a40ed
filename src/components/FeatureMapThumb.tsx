import type { Grid } from '../core/grid';
import type { ColourScale } from '../render/palette';
import { paintGrid, type Domain } from '../render/paintGrid';
import { useCanvasPainter } from './useCanvasPainter';

/** A small, non-interactive picture of a Grid (thumbnails, previews). */
export function FeatureMapThumb({ grid, scale, domain = [0, 1], side = 36 }: { grid: Grid; scale: ColourScale; domain?: Domain; side?: number }) {
  const ref = useCanvasPainter((ctx) => paintGrid(ctx, grid, scale, domain), [grid, scale, domain[0], domain[1]]);
  return <canvas ref={ref} className="pixelated" style={{ width: side, height: side }} aria-hidden="true" />;
}
