import { scaleBand, scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import { argmax } from '../core/argmax';
import { CHART } from '../render/palette';

export interface SoftmaxBarsProps {
  /** 10 probabilities, or null while there is nothing to show. */
  readonly probabilities: Float32Array | null;
  readonly width?: number;
  readonly height?: number;
  /** `data-testid` of the chart (another view showing other probabilities names its own). */
  readonly testId?: string;
}

/** Ten vertical bars, one per digit; the top class is highlighted with its probability. */
export function SoftmaxBars({ probabilities, width = 300, height = 96, testId = 'softmax-bars' }: SoftmaxBarsProps) {
  const { t } = useTranslation('charts');
  const margin = { top: 14, bottom: 18, left: 4, right: 4 };
  const x = scaleBand<number>()
    .domain([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    .range([margin.left, width - margin.right])
    .padding(0.18);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - margin.bottom, margin.top]);
  const values = probabilities ? Array.from(probabilities) : new Array<number>(10).fill(0);
  const top = probabilities ? argmax(values) : -1;
  const label = probabilities
    ? t('softmax.label', { values: values.map((p, d) => `${d}: ${(p * 100).toFixed(1)}%`).join(t('listSeparator')) })
    : t('softmax.empty');
  return (
    <svg className="softmax-bars" width={width} height={height} role="img" aria-label={label} data-testid={testId}>
      <line x1={margin.left} x2={width - margin.right} y1={y(0)} y2={y(0)} stroke={CHART.axis} />
      {values.map((p, d) => {
        const bx = x(d) ?? 0;
        return (
          <g key={d} data-digit={d} data-probability={p.toFixed(4)}>
            <rect x={bx} width={x.bandwidth()} y={y(p)} height={Math.max(0, y(0) - y(p))} fill={d === top ? CHART.topBar : CHART.bar} />
            <text x={bx + x.bandwidth() / 2} y={height - 4} textAnchor="middle" fontSize={12} fontWeight={d === top ? 700 : 400} fill="currentColor">
              {d}
            </text>
            {d === top && (
              <text x={bx + x.bandwidth() / 2} y={Math.max(10, y(p) - 3)} textAnchor="middle" fontSize={10} fontWeight={700} fill={CHART.topBarText}>
                {Math.round(p * 100)}%
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
