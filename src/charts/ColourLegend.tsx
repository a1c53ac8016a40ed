import { memo, useId } from 'react';
import { scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import { samePropValues } from './samePropValues';
import type { ColourScale } from '../render/palette';
import type { Domain } from '../render/paintGrid';

export interface ColourLegendProps {
  readonly scale: ColourScale;
  readonly domain: Domain;
  readonly width?: number;
  /** Short caption, e.g. "response". */
  readonly title: string;
  /** Tick values to show; by default d3 picks a few nice ones. */
  readonly ticks?: readonly number[];
  readonly format?: (v: number) => string;
}

/** A horizontal colour bar with a d3 linear axis underneath (React owns the SVG elements). */
export const ColourLegend = memo(function ColourLegend({ scale, domain, width = 150, title, ticks, format }: ColourLegendProps) {
  const { t } = useTranslation('charts');
  const gradientId = useId();
  const x = scaleLinear().domain(domain).range([6, width - 6]);
  const values = ticks ?? x.ticks(4);
  const fmt = format ?? x.tickFormat(4);
  const stops = Array.from({ length: 11 }, (_, i) => i / 10);
  return (
    <svg className="legend" width={width} height={34} role="img" aria-label={t('legend.label', { title, from: fmt(domain[0]), to: fmt(domain[1]) })}>
      <defs>
        <linearGradient id={gradientId}>
          {stops.map((t) => (
            <stop key={t} offset={t} stopColor={scale.css(t)} />
          ))}
        </linearGradient>
      </defs>
      <rect x={6} y={2} width={width - 12} height={10} fill={`url(#${gradientId})`} stroke="#888" strokeWidth={0.5} />
      {values.map((v) => (
        <g key={v} transform={`translate(${x(v)},12)`}>
          <line y2={4} stroke="currentColor" />
          <text y={15} textAnchor="middle" fontSize={10} fill="currentColor">
            {fmt(v)}
          </text>
        </g>
      ))}
    </svg>
  );
}, samePropValues);
