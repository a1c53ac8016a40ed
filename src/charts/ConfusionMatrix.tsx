import { scaleBand, scaleSqrt } from 'd3';
import type { KeyboardEvent } from 'react';
import { CHART } from '../render/palette';

export interface ConfusionMatrixProps {
  /** counts[t * 10 + p]: digits of true class t predicted as p. */
  readonly counts: Int32Array;
  readonly selected: { truth: number; predicted: number } | null;
  readonly onSelect: (truth: number, predicted: number) => void;
  /** Axis titles and the accessible name of a cell. */
  readonly labels: {
    readonly truth: string;
    readonly predicted: string;
    readonly cell: (truth: number, predicted: number, count: number) => string;
  };
  readonly side?: number;
}

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * A 10 x 10 confusion matrix: rows are the true digit, columns the predicted one. Correct
 * answers (the diagonal) are blue, mistakes orange; the stronger the colour, the more digits.
 * d3 provides the scales; React owns every element. Cells with digits are buttons.
 */
export function ConfusionMatrix({ counts, selected, onSelect, labels, side = 380 }: ConfusionMatrixProps) {
  const margin = { top: 44, left: 50, right: 6, bottom: 6 };
  const inner = side - margin.left - margin.right;
  const band = scaleBand<number>().domain(DIGITS).range([0, inner]).padding(0.06);
  let maxRight = 1;
  let maxWrong = 1;
  DIGITS.forEach((t) =>
    DIGITS.forEach((p) => {
      const c = counts[t * 10 + p];
      if (t === p) maxRight = Math.max(maxRight, c);
      else maxWrong = Math.max(maxWrong, c);
    }),
  );
  const rightOpacity = scaleSqrt().domain([0, maxRight]).range([0.05, 1]);
  const wrongOpacity = scaleSqrt().domain([0, maxWrong]).range([0.18, 1]);
  const height = margin.top + inner + margin.bottom;

  const onKey = (e: KeyboardEvent, t: number, p: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(t, p);
    }
  };

  return (
    <svg
      className="confusion-matrix"
      width={side}
      height={height}
      data-testid="confusion-matrix"
      role="group"
      aria-label={`${labels.truth} / ${labels.predicted}`}
    >
      <text x={margin.left + inner / 2} y={14} textAnchor="middle" className="confusion-matrix__title">
        {labels.predicted} →
      </text>
      <text transform={`translate(14 ${margin.top + inner / 2}) rotate(-90)`} textAnchor="middle" className="confusion-matrix__title">
        {labels.truth}
      </text>
      <g transform={`translate(${margin.left} ${margin.top})`}>
        {DIGITS.map((d) => (
          <g key={d} aria-hidden="true">
            <text x={(band(d) ?? 0) + band.bandwidth() / 2} y={-8} textAnchor="middle" className="confusion-matrix__tick">
              {d}
            </text>
            <text x={-10} y={(band(d) ?? 0) + band.bandwidth() / 2} dy="0.35em" textAnchor="end" className="confusion-matrix__tick">
              {d}
            </text>
          </g>
        ))}
        {DIGITS.map((t) =>
          DIGITS.map((p) => {
            const count = counts[t * 10 + p];
            const right = t === p;
            const x = band(p) ?? 0;
            const y = band(t) ?? 0;
            const isSelected = selected?.truth === t && selected?.predicted === p;
            const opacity = count === 0 ? 0 : right ? rightOpacity(count) : wrongOpacity(count);
            const dark = opacity > 0.55;
            return (
              <g
                key={`${t}-${p}`}
                data-testid={`confusion-cell-${t}-${p}`}
                data-count={count}
                className={count > 0 ? 'confusion-matrix__cell confusion-matrix__cell--active' : 'confusion-matrix__cell'}
                role={count > 0 ? 'button' : undefined}
                tabIndex={count > 0 ? 0 : undefined}
                aria-pressed={count > 0 ? isSelected : undefined}
                aria-label={labels.cell(t, p, count)}
                onClick={count > 0 ? () => onSelect(t, p) : undefined}
                onKeyDown={count > 0 ? (e) => onKey(e, t, p) : undefined}
              >
                <rect x={x} y={y} width={band.bandwidth()} height={band.bandwidth()} fill={CHART.emptyCell} />
                <rect x={x} y={y} width={band.bandwidth()} height={band.bandwidth()} fill={right ? CHART.right : CHART.wrong} fillOpacity={opacity} />
                {isSelected && (
                  <rect
                    x={x - 1.5}
                    y={y - 1.5}
                    width={band.bandwidth() + 3}
                    height={band.bandwidth() + 3}
                    fill="none"
                    stroke={CHART.selected}
                    strokeWidth={3}
                  />
                )}
                {count > 0 && (
                  <text
                    x={x + band.bandwidth() / 2}
                    y={y + band.bandwidth() / 2}
                    dy="0.35em"
                    textAnchor="middle"
                    className="confusion-matrix__count"
                    fill={dark ? CHART.textOnDark : CHART.text}
                  >
                    {count}
                  </text>
                )}
              </g>
            );
          }),
        )}
      </g>
    </svg>
  );
}
