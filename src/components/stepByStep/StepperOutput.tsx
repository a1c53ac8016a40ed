import type { Grid } from '../../core/grid';
import type { ColourScale } from '../../render/palette';
import { VIEW } from '../../render/palette';
import type { Domain } from '../../render/paintGrid';
import { paintStepOutput } from '../../render/paintStepOutput';
import { useCanvasPainter } from '../common/useCanvasPainter';

export interface StepperOutputProps {
  readonly grid: Grid;
  readonly filled: number;
  readonly current: { readonly row: number; readonly col: number } | null;
  readonly scale: ColourScale;
  readonly domain: Domain;
  readonly side: number;
  readonly label: string;
  /** Jump to a cell (a click on the map). */
  readonly onPick?: (cell: { row: number; col: number }) => void;
}

/** The output map filling in cell by cell, with the cell just computed outlined. */
export function StepperOutput({ grid, filled, current, scale, domain, side, label, onPick }: StepperOutputProps) {
  const ref = useCanvasPainter((ctx) => paintStepOutput(ctx, grid, scale, domain), [grid, scale, domain[0], domain[1]]);
  const longer = Math.max(grid.width, grid.height, 1);
  const w = (side * grid.width) / longer;
  const h = (side * grid.height) / longer;
  const pct = (v: number, n: number) => `${(100 * v) / n}%`;
  return (
    <div
      className="stepper-output"
      style={{ width: w, height: h }}
      onClick={(e) => {
        const rect = e.currentTarget.getBoundingClientRect();
        const col = Math.floor(((e.clientX - rect.left) / rect.width) * grid.width);
        const row = Math.floor(((e.clientY - rect.top) / rect.height) * grid.height);
        if (row >= 0 && col >= 0 && row < grid.height && col < grid.width) onPick?.({ row, col });
      }}
    >
      <canvas
        ref={ref}
        className="pixelated"
        style={{ width: w, height: h }}
        role="img"
        aria-label={label}
        data-testid="stepper-output"
        data-filled={filled}
        data-rows={grid.height}
        data-cols={grid.width}
      />
      {current && (
        <div
          className="cell-box"
          style={{
            top: pct(current.row, grid.height),
            left: pct(current.col, grid.width),
            width: pct(1, grid.width),
            height: pct(1, grid.height),
            borderColor: VIEW.highlight,
          }}
        />
      )}
    </div>
  );
}
