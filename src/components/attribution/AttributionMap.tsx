import type { ReactNode } from 'react';
import type { Grid } from '../../core/grid';
import { ColourLegend } from '../../charts/ColourLegend';
import type { ColourScale } from '../../render/palette';
import { paintAttribution } from '../../render/paintAttribution';
import type { Domain } from '../../render/paintGrid';
import { Figure } from '../export/Figure';
import { useCanvasPainter } from '../common/useCanvasPainter';

/** A box drawn over the map, in input pixels. */
export interface MapBox {
  readonly top: number;
  readonly left: number;
  readonly size: number;
}

export interface AttributionMapProps {
  /** Names the map's hook: data-testid="attribution-<method>". */
  readonly method: 'saliency' | 'occlusion' | 'gradcam';
  readonly title: string;
  /** The map's accessible name, with its numbers. */
  readonly label: string;
  readonly legendTitle: string;
  readonly input: Grid;
  /** The map over the input (the input's size), or null when there is none to show. */
  readonly map: Grid | null;
  readonly scale: ColourScale;
  readonly domain: Domain;
  /** Where the map's numbers are exposed for tests (data-class, data-max, ...). */
  readonly data: Readonly<Record<`data-${string}`, string | number>>;
  readonly box?: MapBox | null;
  /** CSS pixels of the drawn map's side. */
  readonly side: number;
  readonly fileName: readonly string[];
  /** The caption, or the reason there is no map. */
  readonly children: ReactNode;
}

/** One attribution map drawn over the dimmed digit, with its colour legend, caption and PNG export. */
export function AttributionMap({ method, title, label, legendTitle, input, map, scale, domain, data, box, side, fileName, children }: AttributionMapProps) {
  const canvas = useCanvasPainter((ctx) => map && paintAttribution(ctx, input, map, scale, domain), [input, map, scale, domain[0], domain[1]]);
  const pct = (v: number) => `${(100 * v) / input.width}%`;
  return (
    <Figure title={title} name={fileName} legend={{ scale, domain, title: legendTitle }} className="attribution__map" testId={`attribution-${method}`}>
      <figure className="attribution__figure" {...data}>
        <h3>{title}</h3>
        {map && (
          <div className="attribution__surface" style={{ width: side, height: side }}>
            <canvas ref={canvas} className="pixelated" style={{ width: side, height: side }} role="img" aria-label={label} />
            {box && (
              <span
                className="attribution__box"
                aria-hidden="true"
                style={{ top: pct(box.top), left: pct(box.left), width: pct(box.size), height: pct(box.size) }}
              />
            )}
          </div>
        )}
        {map && <ColourLegend scale={scale} domain={domain} title={legendTitle} width={Math.min(side, 200)} />}
        <figcaption>{children}</figcaption>
      </figure>
    </Figure>
  );
}
