import { memo, useId } from 'react';
import { scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import { Axis } from './Axis';
import { samePropValues } from './samePropValues';
import { CHART, type ColourScale } from '../render/palette';
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

/** Domains narrower than this (relative to their magnitude, at least 1) count as one value. */
const FLAT_SPAN = 1e-4;

const plainNumber = (v: number) => String(Number(v.toPrecision(3)));

/** A horizontal colour bar with its axis underneath (d3 picks the ticks, React owns the SVG elements). */
export const ColourLegend = memo(function ColourLegend({ scale, domain, width = 150, title, ticks, format }: ColourLegendProps) {
  const { t } = useTranslation('charts');
  const gradientId = useId();
  const x = scaleLinear()
    .domain(domain)
    .range([6, width - 6]);
  // A map whose values are all (nearly) equal gets a domain of width ~0 (e.g. [0, 1e-6] for an
  // all-zero map): d3's ticks would crowd it with long decimals, so it is labelled once, at its value.
  const flat = !ticks && domain[1] - domain[0] <= FLAT_SPAN * Math.max(1, Math.abs(domain[0]), Math.abs(domain[1]));
  const fmt = format ?? (flat ? plainNumber : x.tickFormat(4));
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
      <rect x={6} y={2} width={width - 12} height={10} fill={`url(#${gradientId})`} stroke={CHART.legendOutline} strokeWidth={0.5} />
      <Axis side="bottom" scale={x} at={12} count={4} ticks={flat ? [domain[0]] : ticks} format={fmt} tickSize={4} labelGap={15} />
    </svg>
  );
}, samePropValues);
