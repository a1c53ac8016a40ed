import { scaleBand, scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import { CHART } from '../../render/palette';

export interface SeparationBar {
  /** The layer's name as shown (e.g. "pool2"). */
  readonly label: string;
  /** Leave-one-out 5-NN accuracy, in [0, 1]; null when not mapped yet. */
  readonly accuracy: number | null;
  readonly current: boolean;
}

const WIDTH = 300;
const ROW = 30;
const LEFT = 64;
const RIGHT = 52;

/** One horizontal bar a layer: how often a digit's 5 nearest neighbours in the map share its class. */
export function SeparationChart({ bars }: { bars: readonly SeparationBar[] }) {
  const { t } = useTranslation('digitMap');
  const height = bars.length * ROW + 8;
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([4, height - 4])
    .padding(0.22);
  const x = scaleLinear()
    .domain([0, 1])
    .range([LEFT, WIDTH - RIGHT]);
  const label = bars.map((b) => `${b.label}: ${b.accuracy === null ? t('notYet') : `${(100 * b.accuracy).toFixed(1)} %`}`).join(', ');
  return (
    <svg
      className="separation-chart"
      width={WIDTH}
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={t('separationLabel', { values: label })}
      data-testid="digit-map-separation"
    >
      {bars.map((bar, i) => {
        const top = y(i) ?? 0;
        const mid = top + y.bandwidth() / 2;
        return (
          <g key={bar.label} data-layer={bar.label} data-accuracy={bar.accuracy ?? ''}>
            <text x={LEFT - 6} y={mid + 5} textAnchor="end" fontSize={14} fontWeight={bar.current ? 700 : 400} fill={CHART.text}>
              {bar.label}
            </text>
            <rect x={LEFT} y={top} width={WIDTH - RIGHT - LEFT} height={y.bandwidth()} fill={CHART.emptyCell} />
            {bar.accuracy !== null && (
              <rect x={LEFT} y={top} width={x(bar.accuracy) - LEFT} height={y.bandwidth()} fill={bar.current ? CHART.topBar : CHART.bar} />
            )}
            <text x={WIDTH - RIGHT + 6} y={mid + 5} fontSize={14} fill={CHART.text}>
              {bar.accuracy === null ? '–' : `${(100 * bar.accuracy).toFixed(1)} %`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
