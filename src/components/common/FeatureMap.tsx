import { useId, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grid } from '../../core/grid';
import type { ColourScale } from '../../render/palette';
import { paintGrid, type Domain } from '../../render/paintGrid';
import { useCanvasPainter } from './useCanvasPainter';

export interface Cell {
  readonly row: number;
  readonly col: number;
}

/** A rectangle of cells to outline on top of the map. */
export interface CellBox {
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly width: number;
  readonly colour: string;
  readonly dashed?: boolean;
}

export interface FeatureMapProps {
  readonly grid: Grid;
  readonly scale: ColourScale;
  readonly domain: Domain;
  /** Accessible name, e.g. "Filter 1 thresholded map, 26 × 26". */
  readonly label: string;
  /** Side of the drawn map in CSS pixels (the longer side). */
  readonly side: number;
  readonly boxes?: readonly CellBox[];
  readonly activeCell?: Cell | null;
  /** Called when the pointer or the keyboard moves to a cell (null when it leaves). */
  readonly onCellChange?: (cell: Cell | null) => void;
  /** Text announced for a cell reached by the keyboard. */
  readonly describeCell?: (cell: Cell) => string;
  readonly testId?: string;
  readonly dataAttributes?: Readonly<Record<`data-${string}`, string | number>>;
}

/**
 * A feature map on a canvas at native resolution, scaled up without smoothing. One tab stop;
 * arrow keys move a cursor cell, Home/End jump to the row ends, Escape leaves; the current
 * cell's explanation is announced in a polite live region.
 */
export function FeatureMap(props: FeatureMapProps) {
  const { t } = useTranslation('edgeLab');
  const { grid, scale, domain, side, onCellChange, describeCell } = props;
  const [keyboardCell, setKeyboardCell] = useState<Cell | null>(null);
  const liveId = useId();
  const canvasRef = useCanvasPainter((ctx) => paintGrid(ctx, grid, scale, domain), [grid, scale, domain]);
  const longer = Math.max(grid.width, grid.height, 1);
  const cssW = (side * grid.width) / longer;
  const cssH = (side * grid.height) / longer;

  const cellAt = (e: PointerEvent<HTMLElement>): Cell | null => {
    const rect = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * grid.width);
    const row = Math.floor(((e.clientY - rect.top) / rect.height) * grid.height);
    return row >= 0 && col >= 0 && row < grid.height && col < grid.width ? { row, col } : null;
  };

  const moveTo = (cell: Cell) => {
    setKeyboardCell(cell);
    onCellChange?.(cell);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cur = keyboardCell ?? props.activeCell ?? { row: 0, col: 0 };
    const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
    const moves: Record<string, Cell> = {
      ArrowUp: { row: clamp(cur.row - 1, grid.height), col: cur.col },
      ArrowDown: { row: clamp(cur.row + 1, grid.height), col: cur.col },
      ArrowLeft: { row: cur.row, col: clamp(cur.col - 1, grid.width) },
      ArrowRight: { row: cur.row, col: clamp(cur.col + 1, grid.width) },
      Home: { row: cur.row, col: 0 },
      End: { row: cur.row, col: grid.width - 1 },
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]);
    } else if (e.key === 'Escape') {
      setKeyboardCell(null);
      onCellChange?.(null);
    }
  };

  const shown = props.activeCell ?? null;
  const announced = keyboardCell && describeCell && keyboardCell.row < grid.height && keyboardCell.col < grid.width ? describeCell(keyboardCell) : '';
  const pct = (v: number, n: number) => `${(100 * v) / n}%`;
  return (
    <div className="feature-map">
      <div
        className="feature-map__surface"
        style={{ width: cssW, height: cssH }}
        role="img"
        tabIndex={0}
        aria-label={t('map.keys', { label: props.label })}
        aria-describedby={liveId}
        data-testid={props.testId}
        data-rows={grid.height}
        data-cols={grid.width}
        {...props.dataAttributes}
        onKeyDown={onKeyDown}
        onFocus={() => keyboardCell === null && moveTo(props.activeCell ?? { row: 0, col: 0 })}
        onBlur={() => setKeyboardCell(null)}
        onPointerMove={(e) => {
          const cell = cellAt(e);
          if (cell && (cell.row !== shown?.row || cell.col !== shown?.col)) onCellChange?.(cell);
        }}
        onPointerLeave={() => {
          // Only clear the cursor this map owns: the keyboard may have moved it elsewhere.
          if (props.activeCell) onCellChange?.(null);
        }}
      >
        <canvas ref={canvasRef} className="pixelated" style={{ width: cssW, height: cssH }} />
        {(props.boxes ?? []).map((b, i) => (
          <div
            key={i}
            className={b.dashed ? 'cell-box cell-box--dashed' : 'cell-box'}
            style={{
              top: pct(b.top, grid.height),
              left: pct(b.left, grid.width),
              height: pct(b.height, grid.height),
              width: pct(b.width, grid.width),
              borderColor: b.colour,
            }}
          />
        ))}
      </div>
      <div id={liveId} className="visually-hidden" aria-live="polite">
        {announced}
      </div>
    </div>
  );
}
