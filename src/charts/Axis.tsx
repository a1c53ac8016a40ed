import { CHART } from '../render/palette';

/**
 * The x range of a chart's points: from the first to the last, or, when every point sits at
 * the same x (a single point so far), from 0 to it, so the ticks stay round numbers; [0, 1]
 * without points.
 */
export function pointsDomain(xs: readonly number[]): [number, number] {
  if (xs.length === 0) return [0, 1];
  let lo = xs[0];
  let hi = xs[0];
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (hi > lo) return [lo, hi];
  return hi > 0 ? [0, hi] : [lo, lo + 1];
}

/** What an axis needs of a d3 scale (linear or log): positions, nice tick values and their format. */
export interface TickScale {
  (value: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number): (value: number) => string;
  range(): number[];
}

export interface AxisProps {
  readonly scale: TickScale;
  /**
   * 'left': a vertical axis, its labels right-aligned `labelGap` px left of x = `at`;
   * 'bottom': a horizontal axis, its labels centred `labelGap` px below y = `at`.
   */
  readonly side: 'left' | 'bottom';
  readonly at: number;
  /** How many ticks to ask the scale for (d3's `ticks(count)`, `tickFormat(count)`). */
  readonly count?: number;
  /** The tick values, when not the scale's own `ticks(count)`. */
  readonly ticks?: readonly number[];
  /** The tick label text; by default the scale's `tickFormat(count)`. */
  readonly format?: (value: number) => string;
  /** Distance from the axis to the tick labels (their baseline for 'bottom'). */
  readonly labelGap?: number;
  /** 'bottom' only: length of the tick marks, drawn down from the axis (0: none). */
  readonly tickSize?: number;
  /** 'left' only: grid lines from the axis to x = `gridTo`, in this colour (or one per tick value; by default the palette's grid colour). */
  readonly gridTo?: number;
  readonly gridColour?: string | ((value: number) => string);
  /** 'bottom' only: the axis name, centred under the scale's range, `titleGap` px below the axis. */
  readonly title?: string;
  readonly titleGap?: number;
}

/**
 * One chart axis: d3 picks the ticks and formats them, React owns the SVG elements. Draws tick
 * labels, and grid lines (left) or tick marks and a title (bottom) when asked.
 */
export function Axis({ scale, side, at, count, ticks, format, labelGap = 5, tickSize = 0, gridTo, gridColour = CHART.grid, title, titleGap = 27 }: AxisProps) {
  const text = format ?? scale.tickFormat(count);
  const [from, to] = scale.range();
  return (
    <g>
      {(ticks ?? scale.ticks(count)).map((value) => {
        const p = scale(value);
        return side === 'left' ? (
          <g key={value} transform={`translate(0,${p})`}>
            {gridTo !== undefined && <line x1={at} x2={gridTo} stroke={typeof gridColour === 'function' ? gridColour(value) : gridColour} />}
            <text x={at - labelGap} dy="0.32em" textAnchor="end" fontSize={10} fill="currentColor">
              {text(value)}
            </text>
          </g>
        ) : (
          <g key={value}>
            {tickSize > 0 && <line x1={p} x2={p} y1={at} y2={at + tickSize} stroke="currentColor" />}
            <text x={p} y={at + labelGap} textAnchor="middle" fontSize={10} fill="currentColor">
              {text(value)}
            </text>
          </g>
        );
      })}
      {title !== undefined && (
        <text x={(from + to) / 2} y={at + titleGap} textAnchor="middle" fontSize={10} fill="currentColor">
          {title}
        </text>
      )}
    </g>
  );
}
