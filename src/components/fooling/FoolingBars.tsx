import { scaleBand, scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import { CHART } from '../../render/palette';

export interface FoolingBarsProps {
  /** The original input's 10 probabilities. */
  readonly original: ArrayLike<number>;
  /** The fooled input's 10 probabilities, or null while they are computed. */
  readonly fooled: ArrayLike<number> | null;
  readonly width?: number;
  readonly height?: number;
}

const DIGITS = Array.from({ length: 10 }, (_, d) => d);
const percent = (p: number) => `${(100 * p).toFixed(1)}%`;

/**
 * All ten probabilities before and after: per digit a grey bar (the original) beside an
 * orange one (the fooled input), told apart by lightness as well as hue, with a key.
 */
export function FoolingBars({ original, fooled, width = 380, height = 150 }: FoolingBarsProps) {
  const { t } = useTranslation('fooling');
  const margin = { top: 26, bottom: 20, left: 38, right: 6 };
  const x = scaleBand<number>()
    .domain(DIGITS)
    .range([margin.left, width - margin.right])
    .padding(0.2);
  const inner = scaleBand<string>().domain(['original', 'fooled']).range([0, x.bandwidth()]).padding(0.08);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - margin.bottom, margin.top]);
  const describe = (values: ArrayLike<number>) => DIGITS.map((d) => `${d}: ${percent(values[d])}`).join(', ');
  const label = t('bars.label', { original: describe(original), fooled: fooled ? describe(fooled) : t('bars.pending') });
  const series = [
    { key: 'original', values: original, fill: CHART.bar },
    { key: 'fooled', values: fooled, fill: CHART.topBar },
  ] as const;
  return (
    <svg className="fooling__bars" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="fooling-bars">
      <g fontSize={11} fill="currentColor">
        <rect x={margin.left} y={4} width={10} height={10} fill={CHART.bar} />
        <text x={margin.left + 14} y={13}>
          {t('bars.original')}
        </text>
        <rect x={margin.left + 130} y={4} width={10} height={10} fill={CHART.topBar} />
        <text x={margin.left + 144} y={13}>
          {t('bars.fooled')}
        </text>
      </g>
      {[0, 0.5, 1].map((v) => (
        <g key={v}>
          <line x1={margin.left} x2={width - margin.right} y1={y(v)} y2={y(v)} stroke={v === 0 ? CHART.axis : CHART.grid} />
          <text x={margin.left - 4} y={y(v) + 4} textAnchor="end" fontSize={10} fill="currentColor">
            {`${100 * v}%`}
          </text>
        </g>
      ))}
      {DIGITS.map((d) => (
        <g key={d} data-digit={d} data-original={original[d]} data-fooled={fooled ? fooled[d] : ''}>
          {series.map(({ key, values, fill }) =>
            values ? (
              <rect
                key={key}
                x={(x(d) ?? 0) + (inner(key) ?? 0)}
                width={inner.bandwidth()}
                y={y(values[d])}
                height={Math.max(0, y(0) - y(values[d]))}
                fill={fill}
                stroke={key === 'fooled' ? CHART.topBarText : 'none'}
                strokeWidth={0.5}
              />
            ) : null,
          )}
          <text x={(x(d) ?? 0) + x.bandwidth() / 2} y={height - 5} textAnchor="middle" fontSize={12} fill="currentColor">
            {d}
          </text>
        </g>
      ))}
    </svg>
  );
}
