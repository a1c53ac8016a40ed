import { scaleLinear, scaleLog } from 'd3';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Axis, pointsDomain, type AxisProps } from './Axis';

/** The axis as SVG markup, parsed just enough to read its texts and lines. */
function draw(props: AxisProps) {
  const svg = renderToStaticMarkup(createElement('svg', null, createElement(Axis, props)));
  const texts = [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, text]) => ({ text, attrs }));
  const lines = [...svg.matchAll(/<line([^>]*?)\/?>/g)].map(([, attrs]) => attrs);
  return { svg, texts, lines };
}

const attr = (attrs: string, name: string) => attrs.match(new RegExp(`${name}="([^"]*)"`))?.[1];

describe('Axis', () => {
  const x = scaleLinear().domain([0, 2000]).range([40, 340]);

  it("labels a bottom axis with the scale's ticks and tickFormat, at their positions, and centres its title", () => {
    const { texts, lines } = draw({ scale: x, side: 'bottom', at: 150, count: 4, labelGap: 13, title: 'digits seen', titleGap: 27 });
    const ticks = x.ticks(4);
    expect(texts.map((t) => t.text)).toEqual([...ticks.map(x.tickFormat(4)), 'digits seen']);
    expect(texts.map((t) => t.text)).toContain('1,000');
    ticks.forEach((v, i) => {
      expect(Number(attr(texts[i].attrs, 'x'))).toBeCloseTo(x(v), 9);
      expect(attr(texts[i].attrs, 'y')).toBe('163');
      expect(attr(texts[i].attrs, 'text-anchor')).toBe('middle');
    });
    expect(attr(texts.at(-1)!.attrs, 'x')).toBe('190');
    expect(attr(texts.at(-1)!.attrs, 'y')).toBe('177');
    expect(lines).toEqual([]);
  });

  it('draws tick marks outwards when asked', () => {
    const { lines } = draw({ scale: x, side: 'bottom', at: 12, ticks: [0, 1000], tickSize: 4, labelGap: 15 });
    expect(lines.map((l) => [attr(l, 'x1'), attr(l, 'y1'), attr(l, 'y2')])).toEqual([
      ['40', '12', '16'],
      ['190', '12', '16'],
    ]);
  });

  it('right-aligns left labels beside the axis, with grid lines coloured per tick', () => {
    const y = scaleLinear().domain([-1, 2]).range([100, 10]);
    const { svg, texts, lines } = draw({
      scale: y,
      side: 'left',
      at: 30,
      count: 3,
      format: String,
      labelGap: 4,
      gridTo: 200,
      gridColour: (v) => (v === 0 ? 'black' : 'grey'),
    });
    expect(texts.map((t) => t.text)).toEqual(y.ticks(3).map(String));
    expect(texts.every((t) => attr(t.attrs, 'x') === '26' && attr(t.attrs, 'text-anchor') === 'end')).toBe(true);
    expect(lines.map((l) => [attr(l, 'x1'), attr(l, 'x2'), attr(l, 'stroke')])).toEqual(y.ticks(3).map((v) => ['30', '200', v === 0 ? 'black' : 'grey']));
    expect(svg).toContain(`translate(0,${y(0)})`);
  });

  it('takes given tick values and format over the scale’s, and shows none for an empty list', () => {
    const log = scaleLog().domain([1e-6, 1e-2]).range([100, 0]);
    const decades = [1e-6, 1e-4, 1e-2];
    const { texts } = draw({ scale: log, side: 'left', at: 40, ticks: decades, format: (v) => v.toExponential(0) });
    expect(texts.map((t) => t.text)).toEqual(['1e-6', '1e-4', '1e-2']);
    expect(draw({ scale: x, side: 'bottom', at: 0, ticks: [], title: 'only the title' }).texts.map((t) => t.text)).toEqual(['only the title']);
  });
});

describe('pointsDomain', () => {
  it('spans the points, from the first x to the last', () => {
    expect(pointsDomain([64, 128, 192])).toEqual([64, 192]);
    expect(pointsDomain([5, -2, 3])).toEqual([-2, 5]);
  });

  it('starts at 0 when every point sits at one positive x, so the ticks are round numbers', () => {
    expect(pointsDomain([64])).toEqual([0, 64]);
    expect(pointsDomain([64, 64])).toEqual([0, 64]);
    const x = scaleLinear()
      .domain(pointsDomain([64]))
      .range([0, 300]);
    expect(x.ticks(5).map(x.tickFormat(5))).toEqual(['0', '10', '20', '30', '40', '50', '60']);
    expect(x(64)).toBe(300);
  });

  it('gives a unit span at 0 or below, and [0, 1] without points', () => {
    expect(pointsDomain([0])).toEqual([0, 1]);
    expect(pointsDomain([-3])).toEqual([-3, -2]);
    expect(pointsDomain([])).toEqual([0, 1]);
  });
});
