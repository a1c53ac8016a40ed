import type { Grid } from '../../core/grid';
import type { ColourScale } from '../../render/palette';
import { paintGrid, type Domain } from '../../render/paintGrid';
import { useCanvasPainter } from './useCanvasPainter';

export interface FeatureMapThumbProps {
  readonly grid: Grid;
  readonly scale: ColourScale;
  readonly domain?: Domain;
  /** Width in CSS pixels. */
  readonly side?: number;
  /** Height / width (1 for square maps). */
  readonly aspect?: number;
  /** Accessible name; without one the picture is decorative. */
  readonly label?: string;
}

/** A small, non-interactive picture of a Grid (thumbnails, layer channels, previews). */
export function FeatureMapThumb({ grid, scale, domain = [0, 1], side = 36, aspect = 1, label }: FeatureMapThumbProps) {
  const ref = useCanvasPainter((ctx) => paintGrid(ctx, grid, scale, domain), [grid, scale, domain[0], domain[1]]);
  return (
    <canvas
      ref={ref}
      className="pixelated"
      style={{ width: side, height: side * aspect }}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    />
  );
}
