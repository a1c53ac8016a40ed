import { extent, line, scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import { CHART } from '../render/palette';
import { Axis, pointsDomain } from './Axis';

export interface Series {
  readonly name: string;
  readonly colour: string;
  readonly points: readonly (readonly [number, number])[];
  /** Draw dots at the points (for sparse series such as per-epoch values). */
  readonly dots?: boolean;
  readonly dashed?: boolean;
}

/** A vertical line at one x (the training replay's place on the loss curve). */
export interface ChartMarker {
  readonly x: number;
  /** Its short label, drawn at the foot of the line. */
  readonly label: string;
  readonly testId?: string;
}

export interface LineChartProps {
  readonly title: string;
  readonly series: readonly Series[];
  readonly xLabel: string;
  /** Fixed y range; by default it fits the data and includes 0. */
  readonly yDomain?: readonly [number, number];
  readonly width?: number;
  readonly height?: number;
  readonly format?: (v: number) => string;
  readonly testId?: string;
  /** A vertical marker (its x is kept inside the x range); none when absent. */
  readonly marker?: ChartMarker | null;
}

/** A small d3 line chart: d3 computes scales and paths, React owns the SVG. */
export function LineChart({ title, series, xLabel, yDomain, width = 360, height = 180, format, testId, marker }: LineChartProps) {
  const { t } = useTranslation('charts');
  const m = { top: 22, right: 12, bottom: 30, left: 44 };
  const all = series.flatMap((s) => s.points);
  const [y0, y1] = extent(all, (p) => p[1]) as [number | undefined, number | undefined];
  const x = scaleLinear()
    .domain(pointsDomain([...all.map((p) => p[0]), ...(marker ? [marker.x] : [])]))
    .range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain(yDomain ?? [Math.min(0, y0 ?? 0), Math.max(y1 ?? 1, 1e-6)])
    .nice()
    .range([height - m.bottom, m.top]);
  const path = line<readonly [number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  return (
    <figure className="line-chart" data-testid={testId} data-first={series[0]?.points[0]?.[1] ?? ''} data-last={series[0]?.points.at(-1)?.[1] ?? ''}>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={t('line.label', {
          title,
          series: series.map((s) => t('line.series', { name: s.name, count: s.points.length })).join(t('seriesSeparator')),
        })}
      >
        <text x={m.left} y={13} fontSize={12} fontWeight={600} fill="currentColor">
          {title}
        </text>
        <Axis side="left" scale={y} at={m.left} count={5} format={format} gridTo={width - m.right} />
        <Axis side="bottom" scale={x} at={height - m.bottom} count={6} labelGap={13} title={xLabel} titleGap={m.bottom - 3} />
        {series.map((s, i) => (
          <g
            key={s.name}
            data-testid={testId ? `${testId}-series-${i}` : undefined}
            data-name={s.name}
            data-dashed={s.dashed ? 'true' : 'false'}
            data-values={s.points.map((p) => p[1]).join(',')}
          >
            {s.points.length > 1 && (
              <path d={path(s.points) ?? ''} fill="none" stroke={s.colour} strokeWidth={1.6} strokeDasharray={s.dashed ? '4 3' : undefined} />
            )}
            {s.dots && s.points.map((p, i) => <circle key={i} cx={x(p[0])} cy={y(p[1])} r={3} fill={s.colour} />)}
          </g>
        ))}
        {marker && (
          <g data-testid={marker.testId} data-x={marker.x} data-px={x(marker.x).toFixed(1)}>
            <line x1={x(marker.x)} x2={x(marker.x)} y1={m.top} y2={height - m.bottom} stroke={CHART.marker} strokeWidth={1.5} strokeDasharray="2 2" />
            <text
              x={x(marker.x) + (x(marker.x) > width / 2 ? -3 : 3)}
              y={height - m.bottom - 4}
              textAnchor={x(marker.x) > width / 2 ? 'end' : 'start'}
              fontSize={10}
              fill="currentColor"
            >
              {marker.label}
            </text>
          </g>
        )}
        <g transform={`translate(${width - m.right - 4},${m.top})`}>
          {series.map((s, i) => (
            <g key={s.name} transform={`translate(0,${i * 13})`}>
              <line x1={-120} x2={-106} y1={4} y2={4} stroke={s.colour} strokeWidth={2} strokeDasharray={s.dashed ? '4 3' : undefined} />
              <text x={-102} y={8} fontSize={10} fill="currentColor">
                {s.name}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}
