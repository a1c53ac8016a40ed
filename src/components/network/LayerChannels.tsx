import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { paintCanvas, releaseCanvas } from '../../render/canvasPaints';
import { channelLayout, channelOrigin, paintChannels } from '../../render/channelGrid';
import { colouring, layerPicture, pictureData } from './layerColouring';
import type { LayerStore } from './layerStore';
import { useFitColumns } from './useFitColumns';

export interface ChannelLabel {
  /** Accessible name and tooltip, e.g. "conv1 channel 3, 26 × 26". */
  readonly label: string;
  /** Caption under the channel, e.g. "ch 3" (empty: none). */
  readonly short: string;
}

export interface LayerChannelsProps {
  readonly store: LayerStore;
  readonly name: string;
  /** The layer's shape joined with "x", e.g. "26x26x16" or "10". */
  readonly shape: string;
  /** One per channel (one for a vector). */
  readonly labels: readonly ChannelLabel[];
}

const pct = (v: number, of: number) => `${(100 * v) / of}%`;

/** The width a layer's channels may fill: its whole row (the boxes in between shrink to fit them). */
const rowOf = (element: HTMLElement) => element.closest('.layer-row') ?? element.parentElement;

/**
 * Every channel of one layer painted on one canvas (render/channelGrid), as many to a row as
 * the layer's width holds (useFitColumns), repainted from the layer store by the page's paint
 * scheduler: a new pen move repaints the canvas in the next frame it is visible in, and renders nothing in React. Over the canvas, one element per
 * channel (testid `channel-<layer>-<n>`, `data-channel` from 0) carries its accessible name,
 * tooltip and caption; the canvas carries its layout (`data-channels`, …) for the export and
 * counts its paints in `data-paints`. `data-renders` counts this component's commits.
 */
export const LayerChannels = memo(function LayerChannels({ store, name, shape, labels }: LayerChannelsProps) {
  const picture = useMemo(() => layerPicture(shape.split('x').map(Number)), [shape]);
  const rootRef = useRef<HTMLDivElement>(null);
  const gapX = Math.ceil(6 / picture.cellPx);
  const columns = useFitColumns(rootRef, rowOf, picture.width, gapX, picture.cellPx, picture.channels);
  const layout = useMemo(
    () => channelLayout(picture.channels, picture.height, picture.width, columns, gapX, picture.isMap ? Math.ceil(18 / picture.cellPx) : 0),
    [picture, columns, gapX],
  );
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renders = useRef(0);

  useLayoutEffect(() => {
    renders.current += 1;
    rootRef.current?.setAttribute('data-renders', String(renders.current));
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const repaint = () => {
      const layer = store.layer(name);
      // A layer of another shape belongs to a model this view has not rendered yet.
      if (!layer || layer.shape.join('x') !== shape) return;
      paintCanvas(canvas, (ctx) => {
        const { scale, domain } = colouring(layer);
        paintChannels(ctx, pictureData(layer, picture), layout, scale, domain);
      });
    };
    repaint();
    const unsubscribe = store.subscribe(repaint);
    return () => {
      unsubscribe();
      releaseCanvas(canvas);
    };
  }, [store, name, shape, picture, layout]);

  const { cellPx } = picture;
  return (
    <div
      ref={rootRef}
      className={picture.isMap ? 'layer-channels layer-channels--captioned' : 'layer-channels'}
      style={{ width: layout.width * cellPx }}
      data-testid={`channels-${name}`}
      data-count={layout.channels}
    >
      <div className="layer-channels__grid">
        <canvas
          ref={canvasRef}
          className="pixelated layer-channels__canvas"
          width={layout.width}
          height={layout.height}
          aria-hidden="true"
          data-channels={layout.channels}
          data-map-height={layout.mapHeight}
          data-map-width={layout.mapWidth}
          data-columns={layout.columns}
          data-gap-x={layout.gapX}
          data-gap-y={layout.gapY}
        />
        {labels.slice(0, layout.channels).map((l, i) => {
          const { x, y } = channelOrigin(layout, i);
          return (
            <figure
              key={i}
              className="layer-channel"
              title={l.label}
              data-testid={`channel-${name}-${i + 1}`}
              data-channel={i}
              style={{
                left: pct(x, layout.width),
                top: pct(y, layout.height),
                width: pct(layout.mapWidth, layout.width),
                height: pct(layout.mapHeight, layout.height),
              }}
            >
              <div className="layer-channel__map" role="img" aria-label={l.label} />
              {l.short && <figcaption>{l.short}</figcaption>}
            </figure>
          );
        })}
      </div>
    </div>
  );
});
