import { extent, line, scaleLog, scaleLinear, schemeTableau10 } from 'd3';
import { useTranslation } from 'react-i18next';
import { logMean } from '../core/logMean';
import { CHART } from '../render/palette';
import { Axis, pointsDomain } from './Axis';

/** One layer's gradient sizes over a run: [digits seen, mean |gradient|]. */
export interface GradientSeries {
  readonly layer: string;
  readonly points: readonly (readonly [number, number])[];
}

export interface GradientChartProps {
  readonly title: string;
  readonly xLabel: string;
  readonly series: readonly GradientSeries[];
  readonly emptyText: string;
  readonly width?: number;
  readonly height?: number;
}

/** A power of ten as a tick label: 0.001, 0.01, ... down to 1e-4, then 1e-5, 1e-6, ... */
function decadeText(t: number): string {
  return t >= 1e-4 ? String(Number(t.toPrecision(1))) : `1e${Math.round(Math.log10(t))}`;
}

/**
 * Gradient size per layer on a log scale, one line per layer (d3 for scales and paths; React owns
 * the SVG). Each layer's group carries its name (`data-layer`), its last size (`data-last`) and
 * the geometric mean of its sizes (`data-mean`), so tests and tools can read what is drawn.
 */
export function GradientChart({ title, xLabel, series, emptyText, width = 360, height = 200 }: GradientChartProps) {
  const { t: tr } = useTranslation('charts');
  const m = { top: 22, right: 70, bottom: 30, left: 48 };
  const all = series.flatMap((s) => s.points).filter((p) => p[1] > 0);
  const [y0, y1] = extent(all, (p) => p[1]) as [number | undefined, number | undefined];
  const x = scaleLinear()
    .domain(pointsDomain(all.map((p) => p[0])))
    .range([m.left, width - m.right]);
  const y = scaleLog()
    .domain([Math.min(y0 ?? 1e-4, (y1 ?? 1) / 10), Math.max(y1 ?? 1, (y0 ?? 1e-4) * 10)])
    .nice()
    .range([height - m.bottom, m.top]);
  const path = line<readonly [number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const decades = y.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  return (
    <figure
      className="line-chart"
      data-testid="chart-gradients"
      data-layers={series.length}
      data-min-points={series.length ? Math.min(...series.map((s) => s.points.length)) : 0}
    >
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={
          series.length
            ? tr('line.label', { title, series: series.map((s) => tr('line.series', { name: s.layer, count: s.points.length })).join(tr('seriesSeparator')) })
            : `${title}: ${emptyText}`
        }
      >
        <text x={m.left} y={13} fontSize={12} fontWeight={600} fill="currentColor">
          {title}
        </text>
        <Axis side="left" scale={y} at={m.left} ticks={decades} format={decadeText} gridTo={width - m.right} />
        <Axis
          side="bottom"
          scale={x}
          at={height - m.bottom}
          count={5}
          ticks={all.length > 0 ? undefined : []}
          labelGap={13}
          title={xLabel}
          titleGap={m.bottom - 3}
        />
        {all.length === 0 && (
          <text x={(m.left + width - m.right) / 2} y={height / 2} textAnchor="middle" fontSize={11} fill={CHART.muted}>
            {emptyText}
          </text>
        )}
        {series.map((s, i) => {
          const colour = schemeTableau10[i % 10];
          const pts = s.points.filter((p) => p[1] > 0);
          const lastPoint = pts.at(-1);
          return (
            <g key={s.layer} data-layer={s.layer} data-last={lastPoint?.[1] ?? ''} data-mean={pts.length ? logMean(pts.map((p) => p[1])) : ''}>
              {pts.length > 1 && <path d={path(pts) ?? ''} fill="none" stroke={colour} strokeWidth={1.8} />}
              {pts.length === 1 && <circle cx={x(pts[0][0])} cy={y(pts[0][1])} r={3} fill={colour} />}
              {lastPoint && (
                <text x={width - m.right + 4} y={y(lastPoint[1])} dy="0.32em" fontSize={10} fill={colour} fontWeight={600}>
                  {s.layer}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
