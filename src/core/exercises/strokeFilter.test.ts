import { beforeAll, describe, expect, it } from 'vitest';
import { readMnist } from '../../data/node';
import { digitImage, splitIndices } from '../../data/split';
import { ARTICLE_FILTERS, CLASSIC_FILTERS } from '../filters';
import { gridFromRows, type Grid } from '../grid';
import { checkStrokeFilter, horizontalBar, labelStrokes, transpose } from './strokeFilter';

const kernel = (id: string): Grid => [...ARTICLE_FILTERS, ...CLASSIC_FILTERS].find((f) => f.id === id)!.kernel;

/** Ten held-out digits of each class (the last 100 of each class are never trained on). */
let heldOut: Grid[] = [];
beforeAll(() => {
  const data = readMnist();
  const { test } = splitIndices(data);
  heldOut = [];
  for (let d = 0; d < 10; d++) for (let k = 0; k < 10; k++) heldOut.push(digitImage(data, test[d * 100 + k]));
});

describe('stroke labels', () => {
  it('marks a horizontal bar as horizontal and its transpose as vertical', () => {
    const bar = horizontalBar();
    const count = (labels: Uint8Array, v: number) => labels.filter((x) => x === v).length;
    const h = labelStrokes(bar);
    expect(count(h, 1)).toBe(16 * 3);
    expect(count(h, 2)).toBe(0);
    const v = labelStrokes(transpose(bar));
    expect(count(v, 2)).toBe(16 * 3);
    expect(count(v, 1)).toBe(0);
  });
});

describe('the horizontal-stroke filter exercise, on held-out MNIST digits', () => {
  it('passes the corrected horizontal filter of the article and Sobel y', () => {
    const article = checkStrokeFilter(kernel('horizontal'), heldOut);
    expect(article.verdict).toBe('pass');
    expect(article.score!.horizontalResponse).toBeGreaterThan(2 * article.score!.verticalResponse);
    expect(checkStrokeFilter(kernel('sobel-y'), heldOut).verdict).toBe('pass');
  });

  it('says the vertical filter finds vertical strokes', () => {
    expect(checkStrokeFilter(kernel('vertical'), heldOut).verdict).toBe('findsVertical');
    expect(checkStrokeFilter(kernel('sobel-x'), heldOut).verdict).toBe('findsVertical');
  });

  it('says a blur, a Laplacian or a horizontal smear also fire on vertical strokes', () => {
    expect(checkStrokeFilter(kernel('box-blur'), heldOut).verdict).toBe('alsoVertical');
    expect(checkStrokeFilter(kernel('laplacian'), heldOut).verdict).toBe('alsoVertical');
    expect(
      checkStrokeFilter(
        gridFromRows([
          [0, 0, 0],
          [1, 1, 1],
          [0, 0, 0],
        ]),
        heldOut,
      ).verdict,
    ).toBe('alsoVertical');
  });

  it('says a filter that almost never fires misses the horizontal strokes, and one that never fires never fires', () => {
    expect(
      checkStrokeFilter(
        gridFromRows([
          [-5, -5, -5],
          [1, 1, 1],
          [-5, -5, -5],
        ]),
        heldOut,
      ).verdict,
    ).toBe('missesHorizontal');
    expect(
      checkStrokeFilter(
        gridFromRows([
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ]),
        heldOut,
      ).verdict,
    ).toBe('neverFires');
    expect(
      checkStrokeFilter(
        gridFromRows([
          [-1, -1, -1],
          [-1, -1, -1],
          [-1, -1, -1],
        ]),
        heldOut,
      ).verdict,
    ).toBe('neverFires');
  });

  it('refuses a kernel that is not 3x3 finite numbers', () => {
    expect(
      checkStrokeFilter(
        gridFromRows([
          [1, 1],
          [1, 1],
        ]),
        heldOut,
      ).verdict,
    ).toBe('invalid');
    expect(
      checkStrokeFilter(
        gridFromRows([
          [0, 0, 0],
          [NaN, 1, 1],
          [0, 0, 0],
        ]),
        heldOut,
      ).verdict,
    ).toBe('invalid');
  });
});
