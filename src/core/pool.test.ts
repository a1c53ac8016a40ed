import { describe, it, expect } from 'vitest';
import { createGrid, gridFromRows, gridToRows, type Grid } from './grid';
import { extractChannel } from './channels';
import { DEFAULT_POOL, pool2d, poolMaps, poolOutputSize, poolWindowAt, type PoolKind, type PoolOptions, type PoolPadding } from './pool';

function expectRowsClose(actual: Grid, expected: number[][]): void {
  expect([actual.height, actual.width]).toEqual([expected.length, expected[0]?.length ?? 0]);
  gridToRows(actual).forEach((row, r) => row.forEach((v, c) => expect(v).toBeCloseTo(expected[r][c], 5)));
}

/** 5x5 grid holding 1..25 row by row: value at (r, c) is 5r + c + 1. */
const ONE_TO_25 = createGrid(
  5,
  5,
  Float32Array.from({ length: 25 }, (_, i) => i + 1),
);
const opts = (kind: PoolKind, size: number, stride: number, padding: PoolPadding): PoolOptions => ({ kind, size, stride, padding });

describe('poolOutputSize', () => {
  it("'valid' drops the remainder: floor((n - size) / stride) + 1", () => {
    expect(poolOutputSize(26, DEFAULT_POOL)).toBe(13);
    expect(poolOutputSize(27, DEFAULT_POOL)).toBe(13);
    expect(poolOutputSize(5, opts('max', 3, 2, 'valid'))).toBe(2);
    expect(poolOutputSize(6, opts('max', 3, 2, 'valid'))).toBe(2);
    expect(poolOutputSize(1, DEFAULT_POOL)).toBe(0);
  });

  it("'same' gives ceil(n / stride)", () => {
    expect(poolOutputSize(27, opts('max', 2, 2, 'same'))).toBe(14);
    expect(poolOutputSize(26, opts('max', 2, 2, 'same'))).toBe(13);
    expect(poolOutputSize(5, opts('max', 3, 2, 'same'))).toBe(3);
    expect(poolOutputSize(7, opts('max', 2, 3, 'same'))).toBe(3);
    expect(poolOutputSize(1, opts('max', 2, 2, 'same'))).toBe(1);
  });

  it('rejects bad sizes and strides', () => {
    expect(() => poolOutputSize(5, opts('max', 0, 2, 'valid'))).toThrow(RangeError);
    expect(() => poolOutputSize(5, opts('max', 2, 0, 'valid'))).toThrow(RangeError);
    expect(() => poolOutputSize(5, opts('max', 2, 1.5, 'same'))).toThrow(RangeError);
    expect(() => poolOutputSize(-1, DEFAULT_POOL)).toThrow(RangeError);
  });
});

describe('pool2d', () => {
  it('defaults to 2x2 max pooling, stride 2, valid', () => {
    expect(DEFAULT_POOL).toEqual({ kind: 'max', size: 2, stride: 2, padding: 'valid' });
  });

  const odd = gridFromRows([
    [1, 5, 2],
    [3, 4, -1],
    [0, 7, 6],
  ]);

  it("2x2 on an odd 3x3 grid with 'valid' keeps only the full window", () => {
    expectRowsClose(pool2d(odd, opts('max', 2, 2, 'valid')), [[5]]);
    expectRowsClose(pool2d(odd, opts('min', 2, 2, 'valid')), [[1]]);
    expectRowsClose(pool2d(odd, opts('average', 2, 2, 'valid')), [[3.25]]);
  });

  it("2x2 on an odd 3x3 grid with 'same' counts padding cells as zeros", () => {
    expectRowsClose(pool2d(odd, opts('max', 2, 2, 'same')), [
      [5, 2],
      [7, 6],
    ]);
    expectRowsClose(pool2d(odd, opts('min', 2, 2, 'same')), [
      [1, -1],
      [0, 0],
    ]);
    expectRowsClose(pool2d(odd, opts('average', 2, 2, 'same')), [
      [3.25, 0.25],
      [1.75, 1.5],
    ]);
  });

  it('lets a zero padding cell win max pooling over negative values', () => {
    const negatives = gridFromRows([[-3, -2, -5]]);
    expectRowsClose(pool2d(negatives, opts('max', 2, 2, 'same')), [[0, 0]]);
    expectRowsClose(pool2d(negatives, opts('min', 2, 2, 'same')), [[-3, -5]]);
    expectRowsClose(pool2d(negatives, opts('average', 2, 2, 'same')), [[-1.25, -1.25]]);
    expectRowsClose(pool2d(negatives, opts('max', 1, 1, 'valid')), [[-3, -2, -5]]);
  });

  it("3x3 windows with stride 2 on 5x5, 'valid'", () => {
    expectRowsClose(pool2d(ONE_TO_25, opts('max', 3, 2, 'valid')), [
      [13, 15],
      [23, 25],
    ]);
    expectRowsClose(pool2d(ONE_TO_25, opts('min', 3, 2, 'valid')), [
      [1, 3],
      [11, 13],
    ]);
    expectRowsClose(pool2d(ONE_TO_25, opts('average', 3, 2, 'valid')), [
      [7, 9],
      [17, 19],
    ]);
  });

  it("3x3 windows with stride 2 on 5x5, 'same' (bottom/right zero padding)", () => {
    expectRowsClose(pool2d(ONE_TO_25, opts('max', 3, 2, 'same')), [
      [13, 15, 15],
      [23, 25, 25],
      [23, 25, 25],
    ]);
    expectRowsClose(pool2d(ONE_TO_25, opts('min', 3, 2, 'same')), [
      [1, 3, 0],
      [11, 13, 0],
      [0, 0, 0],
    ]);
    expectRowsClose(pool2d(ONE_TO_25, opts('average', 3, 2, 'same')), [
      [7, 9, 30 / 9],
      [17, 19, 60 / 9],
      [66 / 9, 8, 25 / 9],
    ]);
  });

  it('halves a 26x26 fired map to 13x13 with the default pooling', () => {
    const fired = createGrid(26, 26);
    fired.data[3 * 26 + 5] = 1;
    const pooled = pool2d(fired, DEFAULT_POOL);
    expect([pooled.height, pooled.width]).toEqual([13, 13]);
    expect(pooled.data[1 * 13 + 2]).toBe(1);
    expect(pooled.data.reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('poolMaps', () => {
  it('pools every channel of channel-last maps as pool2d pools that channel alone', () => {
    let seed = 99;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648 - 0.5;
    };
    const [height, width, channels] = [7, 8, 3];
    const maps = { data: Float32Array.from({ length: height * width * channels }, next), height, width, channels };
    for (const kind of ['max', 'min', 'average'] as const) {
      for (const padding of ['valid', 'same'] as const) {
        for (const [size, stride] of [
          [2, 2],
          [3, 2],
          [2, 3],
        ]) {
          const o = opts(kind, size, stride, padding);
          const pooled = poolMaps(maps, o);
          expect(pooled.channels).toBe(channels);
          for (let c = 0; c < channels; c++) {
            const alone = pool2d(extractChannel(maps.data, height, width, channels, c), o);
            expect([pooled.height, pooled.width]).toEqual([alone.height, alone.width]);
            expect(extractChannel(pooled.data, pooled.height, pooled.width, channels, c).data).toEqual(alone.data);
          }
        }
      }
    }
  });

  it('takes the maximum, minimum and mean of each 2x2 window per channel (hand-computed)', () => {
    // Two channels of a 2x4 map: channel 0 holds 1..8 row by row, channel 1 their negatives.
    const data = new Float32Array(16);
    for (let i = 0; i < 8; i++) [data[2 * i], data[2 * i + 1]] = [i + 1, -(i + 1)];
    const maps = { data, height: 2, width: 4, channels: 2 };
    expect(Array.from(poolMaps(maps, opts('max', 2, 2, 'valid')).data)).toEqual([6, -1, 8, -3]);
    expect(Array.from(poolMaps(maps, opts('min', 2, 2, 'valid')).data)).toEqual([1, -6, 3, -8]);
    expect(Array.from(poolMaps(maps, opts('average', 2, 2, 'valid')).data)).toEqual([3.5, -3.5, 5.5, -5.5]);
  });

  it('rejects data of the wrong length', () => {
    expect(() => poolMaps({ data: new Float32Array(7), height: 2, width: 2, channels: 2 }, DEFAULT_POOL)).toThrow(/Expected 2x2x2 values, got 7/);
  });
});

describe('poolWindowAt', () => {
  it('chooses the first maximum in row-major order on ties', () => {
    const ties = gridFromRows([
      [3, 1],
      [3, 3],
    ]);
    const window = poolWindowAt(ties, DEFAULT_POOL, 0, 0);
    expect(window.result).toBe(3);
    expect(window.chosenIndex).toBe(0);
    const later = poolWindowAt(
      gridFromRows([
        [1, 4],
        [4, 2],
      ]),
      DEFAULT_POOL,
      0,
      0,
    );
    expect(later.chosenIndex).toBe(1);
  });

  it('chooses the first minimum in row-major order on ties', () => {
    const window = poolWindowAt(
      gridFromRows([
        [2, 1],
        [1, 1],
      ]),
      opts('min', 2, 2, 'valid'),
      0,
      0,
    );
    expect(window.result).toBe(1);
    expect(window.chosenIndex).toBe(1);
  });

  it('describes the window cells, padding included', () => {
    const window = poolWindowAt(
      gridFromRows([
        [1, 5, 2],
        [3, 4, -1],
        [0, 7, 6],
      ]),
      opts('min', 2, 2, 'same'),
      0,
      1,
    );
    expect(window.cells).toEqual([
      { row: 0, col: 2, inside: true, value: 2 },
      { row: 0, col: 3, inside: false, value: 0 },
      { row: 1, col: 2, inside: true, value: -1 },
      { row: 1, col: 3, inside: false, value: 0 },
    ]);
    expect(window.result).toBe(-1);
    expect(window.chosenIndex).toBe(2);
  });

  it('can choose a padding cell, and picks the real cell when it ties with padding', () => {
    const negative = poolWindowAt(gridFromRows([[-1]]), opts('max', 2, 2, 'same'), 0, 0);
    expect(negative.result).toBe(0);
    expect(negative.chosenIndex).toBe(1);
    expect(negative.cells[1].inside).toBe(false);
    const zero = poolWindowAt(gridFromRows([[0]]), opts('max', 2, 2, 'same'), 0, 0);
    expect(zero.chosenIndex).toBe(0);
    expect(zero.cells[0].inside).toBe(true);
  });

  it('has no chosen cell for average pooling', () => {
    const window = poolWindowAt(ONE_TO_25, opts('average', 3, 2, 'same'), 2, 2);
    expect(window.chosenIndex).toBeNull();
    expect(window.cells).toHaveLength(9);
    expect(window.cells.filter((c) => c.inside)).toEqual([{ row: 4, col: 4, inside: true, value: 25 }]);
    expect(window.result).toBeCloseTo(25 / 9, 5);
  });

  it('agrees with pool2d at every cell for every kind, size, stride and padding', () => {
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const grid = createGrid(
      7,
      6,
      Float32Array.from({ length: 42 }, () => Math.round(next() * 20) - 10),
    );
    for (const kind of ['max', 'min', 'average'] as const) {
      for (const padding of ['valid', 'same'] as const) {
        for (const size of [1, 2, 3]) {
          for (const stride of [1, 2, 3]) {
            const o = opts(kind, size, stride, padding);
            const pooled = pool2d(grid, o);
            for (let r = 0; r < pooled.height; r++) {
              for (let c = 0; c < pooled.width; c++) {
                const window = poolWindowAt(grid, o, r, c);
                expect(window.result).toBe(pooled.data[r * pooled.width + c]);
                if (window.chosenIndex !== null) expect(window.cells[window.chosenIndex].value).toBe(window.result);
              }
            }
          }
        }
      }
    }
  });

  it('rejects cells outside the pooled map', () => {
    expect(() => poolWindowAt(ONE_TO_25, opts('max', 3, 2, 'valid'), 2, 0)).toThrow(RangeError);
    expect(() => poolWindowAt(ONE_TO_25, opts('max', 3, 2, 'same'), 2, 0)).not.toThrow();
  });
});
