import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerOutput } from '../../model/activations';
import type { Image28 } from '../../core/grid';
import { channelLayout, paintChannels } from '../../render/channelGrid';
import { paintProbabilityBars } from '../../render/overviewBars';
import type { SoftmaxColumn, VectorColumn } from '../../render/overviewLayout';
import { paintGrid } from '../../render/paintGrid';
import { COLOUR_SCALES } from '../../render/palette';
import { paintCanvas, releaseCanvas } from '../../render/canvasPaints';
import type { InputStore } from '../../state/inputStore';
import { colouring } from '../network/layerColouring';
import type { LayerStore } from '../network/layerStore';
import { OverviewBoxes, type OverviewBox } from './OverviewBoxes';
import { useLayerPaint } from './useLayerPaint';
import { ColumnName } from './LayerName';

/** The values of a vector padded with NaN (left blank) to `size`. */
function padded(data: Float32Array, size: number): Float32Array {
  if (data.length === size) return data;
  const out = new Float32Array(size).fill(NaN);
  out.set(data.subarray(0, size));
  return out;
}

/** A dense layer (or its activation, dropout, the logits) as a strip of small cells, row by row. */
export const OverviewVectorColumn = memo(function OverviewVectorColumn({
  store,
  column,
  onOpen,
}: {
  store: LayerStore;
  column: VectorColumn;
  onOpen: (layer: string) => void;
}) {
  const { t } = useTranslation('overview');
  const { name, units, rows, columns } = column;
  const layout = useMemo(() => channelLayout(1, rows, columns, 1, 0, 0), [rows, columns]);
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D, layer: LayerOutput) => {
      const { scale, domain } = colouring(layer);
      paintChannels(ctx, padded(layer.data, rows * columns), layout, scale, domain);
    },
    [layout, rows, columns],
  );
  const ref = useLayerPaint(store, name, String(units), paint);
  return (
    <div className="overview-col" data-testid={`overview-layer-${name}`} style={{ width: column.width }}>
      <ColumnName name={name} onOpen={onOpen} />
      <div
        className="overview-col__tiles"
        style={{ width: column.tilesWidth, height: column.tilesHeight }}
        role="img"
        aria-label={t('vectorLabel', { layer: name, count: units })}
      >
        <canvas ref={ref} className="pixelated overview-col__canvas" width={layout.width} height={layout.height} aria-hidden="true" />
      </div>
      <span className="overview-col__shape">{t('units', { count: units })}</span>
    </div>
  );
});

/** The softmax: one bar per digit, labelled 0–9. */
export const OverviewSoftmaxColumn = memo(function OverviewSoftmaxColumn({
  store,
  column,
  onOpen,
}: {
  store: LayerStore;
  column: SoftmaxColumn;
  onOpen: (layer: string) => void;
}) {
  const { t } = useTranslation('overview');
  const { name, units, rowPx } = column;
  const labelWidth = 14;
  const barWidth = Math.max(1, Math.floor(column.tilesWidth - labelWidth));
  const height = Math.max(1, Math.round(column.tilesHeight));
  const paint = useCallback((ctx: CanvasRenderingContext2D, layer: LayerOutput) => paintProbabilityBars(ctx, layer.data), []);
  const ref = useLayerPaint(store, name, String(units), paint);
  return (
    <div className="overview-col" data-testid={`overview-layer-${name}`} style={{ width: column.width }}>
      <ColumnName name={name} onOpen={onOpen} />
      <div
        className="overview-col__tiles overview-softmax"
        style={{ width: column.tilesWidth, height }}
        role="img"
        aria-label={t('softmaxLabel')}
        data-testid="overview-softmax"
      >
        <div className="overview-softmax__digits" aria-hidden="true" style={{ width: labelWidth }}>
          {Array.from({ length: units }, (_, d) => (
            <span key={d} style={{ height: rowPx, lineHeight: `${rowPx}px` }}>
              {d}
            </span>
          ))}
        </div>
        <canvas ref={ref} className="overview-col__bars" width={barWidth} height={height} style={{ width: barWidth, height }} aria-hidden="true" />
      </div>
      <span className="overview-col__shape">{t('probabilities')}</span>
    </div>
  );
});

/** The input digit (28 x 28 grey levels), repainted from the input store, with the traced receptive field. */
export const OverviewInputColumn = memo(function OverviewInputColumn({
  input,
  side,
  boxes,
}: {
  input: InputStore;
  side: number;
  boxes: readonly OverviewBox[];
}) {
  const { t } = useTranslation('overview');
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    let last: Image28 | null = null;
    const repaint = () => {
      const image = input.get().outputs.image;
      if (!image || image === last) return;
      last = image;
      paintCanvas(canvas, (ctx) => paintGrid(ctx, image, COLOUR_SCALES.grey, [0, 1]));
    };
    repaint();
    const unsubscribe = input.subscribe(repaint);
    return () => {
      unsubscribe();
      releaseCanvas(canvas);
    };
  }, [input]);
  return (
    <div className="overview-col" data-testid="overview-input" style={{ width: side }}>
      <span className="overview-col__name overview-col__name--plain">{t('input')}</span>
      <div className="overview-col__tiles" style={{ width: side, height: side }} role="img" aria-label={t('inputLabel')}>
        <canvas ref={ref} className="pixelated overview-col__canvas" width={28} height={28} aria-hidden="true" />
        <OverviewBoxes boxes={boxes} />
      </div>
      <span className="overview-col__shape">{t('inputShape')}</span>
    </div>
  );
});
