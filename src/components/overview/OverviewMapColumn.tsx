import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerOutput } from '../../model/activations';
import { channelCellAt, paintChannels } from '../../render/channelGrid';
import { firstChannels, type MapColumn } from '../../render/overviewLayout';
import { colouring } from '../network/layerColouring';
import type { LayerStore } from '../network/layerStore';
import { OverviewBoxes, type OverviewBox } from './OverviewBoxes';
import type { OverviewCell } from './overviewTrace';
import { mapLayout } from './traceBoxes';
import { useLayerPaint } from './useLayerPaint';
import { ColumnName } from './LayerName';

export interface OverviewMapColumnProps {
  readonly store: LayerStore;
  readonly column: MapColumn;
  readonly boxes: readonly OverviewBox[];
  /** A cell pointed at or reached with the keys (null: none any more). */
  readonly onTrace: (cell: OverviewCell | null) => void;
  /** Opens the layer in detail (its row further down). */
  readonly onOpen: (layer: string) => void;
  /** The id of the live region that reads the traced cell aloud. */
  readonly describedBy: string;
}

const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));

/**
 * One feature-map layer of the overview: its first `column.shown` channels as small tiles on
 * one canvas, repainted from the layer store. Pointing at a tile traces that cell; the tiles
 * are one tab stop whose arrow keys move a cell, Page Up / Page Down change the channel,
 * Enter opens the layer and Escape lets go.
 */
export const OverviewMapColumn = memo(function OverviewMapColumn({ store, column, boxes, onTrace, onOpen, describedBy }: OverviewMapColumnProps) {
  const { t } = useTranslation('overview');
  const { name, mapHeight, mapWidth, channels, shown, more } = column;
  const layout = useMemo(() => mapLayout(column), [column]);
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D, layer: LayerOutput) => {
      const { scale, domain } = colouring(layer);
      paintChannels(ctx, firstChannels(layer.data, mapHeight, mapWidth, channels, shown), layout, scale, domain);
    },
    [layout, mapHeight, mapWidth, channels, shown],
  );
  const canvasRef = useLayerPaint(store, name, `${mapHeight}x${mapWidth}x${channels}`, paint);
  const [keyCell, setKeyCell] = useState<OverviewCell | null>(null);
  const pointed = useRef<string>('');

  const moveTo = (cell: OverviewCell | null) => {
    setKeyCell(cell);
    onTrace(cell);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cur = keyCell ?? { layer: name, channel: 0, row: 0, col: 0 };
    const moves: Record<string, Partial<OverviewCell>> = {
      ArrowUp: { row: clamp(cur.row - 1, mapHeight) },
      ArrowDown: { row: clamp(cur.row + 1, mapHeight) },
      ArrowLeft: { col: clamp(cur.col - 1, mapWidth) },
      ArrowRight: { col: clamp(cur.col + 1, mapWidth) },
      PageUp: { channel: clamp(cur.channel - 1, shown) },
      PageDown: { channel: clamp(cur.channel + 1, shown) },
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo({ ...cur, ...moves[e.key] });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(name);
    } else if (e.key === 'Escape') moveTo(null);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const at = channelCellAt(layout, ((e.clientX - rect.left) / rect.width) * layout.width, ((e.clientY - rect.top) / rect.height) * layout.height);
    const key = at ? `${at.channel},${at.row},${at.col}` : '';
    if (key === pointed.current) return;
    pointed.current = key;
    onTrace(at ? { layer: name, ...at } : null);
  };
  const onPointerLeave = () => {
    pointed.current = '';
    if (!keyCell) onTrace(null);
  };

  return (
    <div className="overview-col" data-testid={`overview-layer-${name}`} data-shown={shown} data-more={more} style={{ width: column.width }}>
      <ColumnName name={name} onOpen={onOpen} />
      <div
        className="overview-col__tiles overview-col__tiles--maps"
        style={{ width: column.tilesWidth, height: column.tilesHeight }}
        role="img"
        tabIndex={0}
        aria-label={t('mapsLabel', { layer: name, count: channels, height: mapHeight, width: mapWidth, shown })}
        aria-describedby={describedBy}
        data-testid={`overview-maps-${name}`}
        data-columns={layout.columns}
        data-map-side={mapWidth}
        onKeyDown={onKeyDown}
        onFocus={() => !keyCell && moveTo({ layer: name, channel: 0, row: Math.floor(mapHeight / 2), col: Math.floor(mapWidth / 2) })}
        onBlur={() => moveTo(null)}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onClick={() => onOpen(name)}
      >
        <canvas ref={canvasRef} className="pixelated overview-col__canvas" width={layout.width} height={layout.height} aria-hidden="true" />
        <OverviewBoxes boxes={boxes} />
      </div>
      <span className="overview-col__shape">{t('mapShape', { height: mapHeight, width: mapWidth, count: channels })}</span>
      {more > 0 && (
        <span className="overview-col__more" data-testid={`overview-more-${name}`}>
          {t('more', { count: more })}
        </span>
      )}
    </div>
  );
});
