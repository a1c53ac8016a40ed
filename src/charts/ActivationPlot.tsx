import { line, scaleLinear } from 'd3';
import { sampleActivation, type ActivationName } from '../core/activations';
import { CHART } from '../render/palette';
import { Axis } from './Axis';

export interface ActivationPlotProps {
  readonly name: ActivationName;
  readonly title: string;
  readonly functionLabel: string;
  readonly derivativeLabel: string;
  readonly width?: number;
  readonly height?: number;
  readonly testId?: string;
}

const X_RANGE = [-5, 5] as const;
const Y_RANGE = [-1.2, 2.2] as const;

/** One activation and its slope on x in [-5, 5]: d3 computes scales and paths, React owns the SVG. */
export function ActivationPlot({ name, title, functionLabel, derivativeLabel, width = 230, height = 170, testId }: ActivationPlotProps) {
  const m = { top: 20, right: 10, bottom: 22, left: 30 };
  const x = scaleLinear()
    .domain(X_RANGE)
    .range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain(Y_RANGE)
    .range([height - m.bottom, m.top]);
  const samples = sampleActivation(name, X_RANGE[0], X_RANGE[1], 201);
  // ReLU keeps rising: the curve simply leaves the plot at the top.
  const f = line<[number, number, number]>()
    .defined((s) => s[1] <= Y_RANGE[1])
    .x((s) => x(s[0]))
    .y((s) => y(s[1]));
  const df = line<[number, number, number]>()
    .x((s) => x(s[0]))
    .y((s) => y(s[2]));
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`${title}: ${functionLabel}, ${derivativeLabel}`}
      data-testid={testId}
      className="activation-plot"
    >
      <Axis
        side="left"
        scale={y}
        at={m.left}
        count={4}
        format={String}
        labelGap={4}
        gridTo={width - m.right}
        gridColour={(t) => (t === 0 ? CHART.axis : CHART.gridFaint)}
      />
      <line x1={x(0)} x2={x(0)} y1={m.top} y2={height - m.bottom} stroke={CHART.axis} />
      <Axis side="bottom" scale={x} at={height - m.bottom} count={5} format={String} labelGap={13} />
      <path d={df(samples) ?? ''} fill="none" stroke={CHART.derivative} strokeWidth={2} strokeDasharray="5 3" />
      <path d={f(samples) ?? ''} fill="none" stroke={CHART.function} strokeWidth={2.5} />
      <text x={m.left + 4} y={13} fontSize={12} fontWeight={700} fill="currentColor">
        {title}
      </text>
    </svg>
  );
}
