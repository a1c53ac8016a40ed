import type { Grid } from '../../core/grid';
import type { LayerRegion } from '../../core/receptiveField';
import { COLOUR_SCALES } from '../../render/palette';
import { paintGrid } from '../../render/paintGrid';
import { useCanvasPainter } from '../common/useCanvasPainter';

export interface OutlinedImageProps {
  /** The 28x28 image, grey levels in [0, 1]. */
  readonly image: Grid;
  /** The input pixels one cell sees (its receptive field), outlined; none when null. */
  readonly field: LayerRegion | null;
  /** CSS pixels of the drawn side. */
  readonly side: number;
  readonly label?: string;
}

/** A grey image on a canvas with one cell's receptive field outlined on top. */
export function OutlinedImage({ image, field, side, label }: OutlinedImageProps) {
  const canvas = useCanvasPainter((ctx) => paintGrid(ctx, image, COLOUR_SCALES.grey, [0, 1]), [image]);
  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  return (
    <span className="filter-looks__surface" style={{ width: side, height: side }}>
      <canvas
        ref={canvas}
        className="pixelated"
        style={{ width: side, height: side }}
        role={label ? 'img' : undefined}
        aria-label={label}
        aria-hidden={label ? undefined : true}
      />
      {field && (
        <span
          className="filter-looks__outline"
          aria-hidden="true"
          data-testid="filter-looks-outline"
          data-rows={`${field.rows.first + 1}-${field.rows.last + 1}`}
          data-cols={`${field.cols.first + 1}-${field.cols.last + 1}`}
          style={{
            top: pct(field.rows.first, image.height),
            left: pct(field.cols.first, image.width),
            height: pct(field.rows.last - field.rows.first + 1, image.height),
            width: pct(field.cols.last - field.cols.first + 1, image.width),
          }}
        />
      )}
    </span>
  );
}
