import type { ReactNode } from 'react';
import { ColourLegend } from '../../charts/ColourLegend';
import type { Grid } from '../../core/grid';
import type { ColourScale } from '../../render/palette';
import { paintGrid, type Domain } from '../../render/paintGrid';
import { Figure } from '../export/Figure';
import { useCanvasPainter } from '../common/useCanvasPainter';

export interface FoolingMapProps {
  readonly testId: string;
  readonly title: string;
  /** The picture's accessible name. */
  readonly label: string;
  readonly grid: Grid | null;
  readonly scale: ColourScale;
  readonly domain: Domain;
  readonly legendTitle: string;
  /** Tick values of the legend (default: d3's). */
  readonly ticks?: readonly number[];
  readonly side: number;
  readonly fileName: readonly string[];
  readonly data?: Readonly<Record<`data-${string}`, string | number>>;
  /** The caption, or why there is no picture yet. */
  readonly children: ReactNode;
}

/** One 28x28 picture of the fooling panel (an input or a perturbation), with its legend, caption and PNG export. */
export function FoolingMap({ testId, title, label, grid, scale, domain, legendTitle, ticks, side, fileName, data, children }: FoolingMapProps) {
  const canvas = useCanvasPainter((ctx) => grid && paintGrid(ctx, grid, scale, domain), [grid, scale, domain[0], domain[1]]);
  return (
    <Figure title={title} name={fileName} legend={{ scale, domain, title: legendTitle }} className="fooling__map" testId={testId}>
      <figure className="fooling__figure" {...data}>
        <h3>{title}</h3>
        {grid ? (
          <canvas ref={canvas} className="pixelated fooling__canvas" style={{ width: side, height: side }} role="img" aria-label={label} />
        ) : (
          <div className="fooling__placeholder" style={{ width: side, height: side }} />
        )}
        <ColourLegend scale={scale} domain={domain} title={legendTitle} width={Math.min(side, 180)} ticks={ticks} />
        <figcaption>{children}</figcaption>
      </figure>
    </Figure>
  );
}
