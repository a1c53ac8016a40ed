import {
  extent,
  scaleLinear,
  symbol,
  symbolAsterisk,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolPlus,
  symbolSquare,
  symbolStar,
  symbolTimes,
  symbolTriangle,
  symbolWye,
} from 'd3';
import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { classAnchors } from '../../core/classAnchors';
import { nearestInDirection, type Direction } from '../../core/nearestInDirection';
import { DIGIT_CLASS_COLOURS, DIGIT_CLASS_SHAPES } from '../../render/palette';

/** Side of the plot in SVG units (it scales to the width it is given). */
const SIDE = 480;
const MARGIN = 14;
/** Marker area in square SVG units. */
const MARKER_AREA = 30;
const SYMBOLS = {
  circle: symbolCircle,
  cross: symbolCross,
  diamond: symbolDiamond,
  square: symbolSquare,
  star: symbolStar,
  triangle: symbolTriangle,
  wye: symbolWye,
  plus: symbolPlus,
  times: symbolTimes,
  asterisk: symbolAsterisk,
};
const STROKED = new Set(['plus', 'times', 'asterisk']);

/** The path of each class's marker, centred on 0, 0. */
export const MARKER_PATHS = DIGIT_CLASS_SHAPES.map((shape) => symbol(SYMBOLS[shape], MARKER_AREA)() ?? '');
export const isStroked = (digit: number) => STROKED.has(DIGIT_CLASS_SHAPES[digit]);

const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

export interface DigitScatterProps {
  /** Interleaved x, y of each held-out digit (layout units). */
  readonly xy: Float32Array;
  readonly labels: Int32Array;
  /** The class shown strongly, the others faded; null for none. */
  readonly highlight: number | null;
  /** The digit on the page, placed by the same layout. */
  readonly input: readonly [number, number] | null;
  /** Opens held-out digit `i` (its index in the held-out order). */
  readonly onOpen: (i: number) => void;
  /** Words for point `i`, announced when the keyboard reaches it. */
  readonly describe: (i: number) => string;
}

/**
 * The thousand markers, one element each (clickable, with their data for tests and export).
 * Memoised: the pen re-renders the plot around them (the input dot), never them.
 */
const ScatterPoints = memo(function ScatterPoints({
  points,
  xy,
  labels,
  highlight,
}: {
  readonly points: Float64Array;
  readonly xy: Float32Array;
  readonly labels: Int32Array;
  readonly highlight: number | null;
}) {
  return (
    <g className="digit-scatter__points">
      {Array.from(labels, (digit, i) => {
        const faded = highlight !== null && highlight !== digit;
        const colour = DIGIT_CLASS_COLOURS[digit];
        return (
          <path
            key={i}
            d={MARKER_PATHS[digit]}
            transform={`translate(${points[2 * i].toFixed(1)},${points[2 * i + 1].toFixed(1)})`}
            fill={isStroked(digit) ? 'none' : colour}
            stroke={isStroked(digit) ? colour : 'none'}
            strokeWidth={isStroked(digit) ? 1.6 : 0}
            opacity={faded ? 0.12 : 0.85}
            data-index={i}
            data-label={digit}
            data-x={xy[2 * i]}
            data-y={xy[2 * i + 1]}
          />
        );
      })}
    </g>
  );
});

/**
 * The map of all digits: one marker a digit (colour and shape by class), the digit on the page
 * as a ringed dot, clickable, and one keyboard stop whose arrow keys move to the nearest point
 * that way (announced) and whose Enter or Space opens it.
 */
export function DigitScatter({ xy, labels, highlight, input, onOpen, describe }: DigitScatterProps) {
  const { t } = useTranslation('digitMap');
  const [cursor, setCursor] = useState<number | null>(null);
  const screen = useMemo(() => {
    const xs = Array.from({ length: labels.length }, (_, i) => xy[2 * i]);
    const ys = Array.from({ length: labels.length }, (_, i) => xy[2 * i + 1]);
    const [x0, x1] = extent(xs) as [number, number];
    const [y0, y1] = extent(ys) as [number, number];
    // One scale for both axes (distances keep their proportions), centred.
    const span = Math.max(x1 - x0, y1 - y0) || 1;
    const unit = (SIDE - 2 * MARGIN) / span;
    const x = scaleLinear()
      .domain([(x0 + x1) / 2 - span / 2, (x0 + x1) / 2 + span / 2])
      .range([MARGIN, MARGIN + span * unit]);
    const y = scaleLinear()
      .domain([(y0 + y1) / 2 - span / 2, (y0 + y1) / 2 + span / 2])
      .range([MARGIN, MARGIN + span * unit]);
    const points = new Float64Array(xy.length);
    for (let i = 0; i < labels.length; i++) {
      points[2 * i] = x(xy[2 * i]);
      points[2 * i + 1] = y(xy[2 * i + 1]);
    }
    return { x, y, points, anchors: classAnchors(points, labels, DIGIT_CLASS_COLOURS.length) };
  }, [xy, labels]);
  const clampToPlot = (v: number) => Math.min(SIDE - MARGIN / 2, Math.max(MARGIN / 2, v));
  const inputAt = input ? [clampToPlot(screen.x(input[0])), clampToPlot(screen.y(input[1]))] : null;
  const active = cursor !== null && cursor < labels.length ? cursor : null;

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const direction = KEYS[event.key];
    if (direction) {
      event.preventDefault();
      setCursor(active === null ? 0 : nearestInDirection(screen.points, active, direction));
    } else if ((event.key === 'Enter' || event.key === ' ') && active !== null) {
      event.preventDefault();
      onOpen(active);
    }
  };

  return (
    <div className="digit-scatter">
      <div className="digit-scatter__stack">
        <svg
          className="digit-scatter__plot"
          viewBox={`0 0 ${SIDE} ${SIDE}`}
          width={SIDE}
          height={SIDE}
          role="application"
          aria-roledescription={t('plotRole')}
          aria-label={t('plotLabel', { count: labels.length })}
          tabIndex={0}
          data-testid="digit-map-plot"
          data-cursor={active ?? ''}
          onKeyDown={onKeyDown}
          onFocus={() => setCursor((c) => c ?? 0)}
          onClick={(event) => {
            const hit = (event.target as Element).closest('[data-index]');
            if (hit) onOpen(Number(hit.getAttribute('data-index')));
          }}
        >
          <rect x={0} y={0} width={SIDE} height={SIDE} fill="#fff" stroke="#c9ced6" />
          <ScatterPoints points={screen.points} xy={xy} labels={labels} highlight={highlight} />
          {/* Each digit's name written on its main cluster, so a blob is named without the legend. */}
          <g className="digit-scatter__names" aria-hidden="true" pointerEvents="none" data-testid="digit-map-names">
            {Array.from(screen.anchors, (i, digit) =>
              i < 0 ? null : (
                <text
                  key={digit}
                  x={screen.points[2 * i]}
                  y={screen.points[2 * i + 1] + 7}
                  textAnchor="middle"
                  fontSize={22}
                  fontWeight={700}
                  fill={DIGIT_CLASS_COLOURS[digit]}
                  stroke="#fff"
                  strokeWidth={5}
                  paintOrder="stroke"
                  opacity={highlight !== null && highlight !== digit ? 0.25 : 1}
                  data-digit={digit}
                  data-anchor={i}
                >
                  {digit}
                </text>
              ),
            )}
          </g>
        </svg>
        {/* What moves (the keyboard's ring, your digit) is drawn over the plot, so moving it
          repaints this small layer rather than the thousand markers under it. */}
        <svg
          className="digit-scatter__overlay"
          viewBox={`0 0 ${SIDE} ${SIDE}`}
          width={SIDE}
          height={SIDE}
          aria-hidden="true"
          pointerEvents="none"
          data-overlay=""
        >
          {active !== null && (
            <circle
              className="digit-scatter__cursor"
              cx={screen.points[2 * active]}
              cy={screen.points[2 * active + 1]}
              r={9}
              fill="none"
              stroke="#111"
              strokeWidth={2.5}
              data-testid="digit-map-cursor"
            />
          )}
          {inputAt && (
            <g data-testid="digit-map-input" data-x={input![0]} data-y={input![1]} transform={`translate(${inputAt[0].toFixed(1)},${inputAt[1].toFixed(1)})`}>
              <circle r={10} fill="#fff" stroke="#111" strokeWidth={3} />
              <circle r={4} fill="#111" />
              <text
                x={inputAt[0] > SIDE - 110 ? -14 : 14}
                y={4}
                textAnchor={inputAt[0] > SIDE - 110 ? 'end' : 'start'}
                fontSize={15}
                fontWeight={700}
                fill="#111"
                stroke="#fff"
                strokeWidth={4}
                paintOrder="stroke"
              >
                {t('yourDigit')}
              </text>
            </g>
          )}
        </svg>
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="digit-map-announce">
        {active !== null ? describe(active) : ''}
      </p>
    </div>
  );
}
