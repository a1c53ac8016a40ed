import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { startI18n } from '../i18n';
import { COLOUR_SCALES } from '../render/palette';
import type { Domain } from '../render/paintGrid';
import { ColourLegend } from './ColourLegend';

/** The texts of the legend's tick labels. */
function labels(domain: Domain): string[] {
  const svg = renderToStaticMarkup(createElement(ColourLegend, { scale: COLOUR_SCALES.sequential, domain, title: 'values' }));
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, text]) => text);
}

describe('ColourLegend', () => {
  beforeAll(() => startI18n());

  it('labels a spread of values with a few round ticks', () => {
    const ticks = labels([0, 2.5]);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks).toContain('0.0');
    expect(ticks).toContain('2.0');
  });

  it('labels an all-zero map once, as 0, instead of crowding it with decimals', () => {
    expect(labels([0, 1e-6])).toEqual(['0']);
  });

  it('labels a map of one large value once', () => {
    expect(labels([3, 3 + 1e-6])).toEqual(['3']);
  });
});
