import { describe, expect, it } from 'vitest';
import { extractChannel, finiteRange, vectorAsGrid } from './channels';
import { gridToRows } from './grid';

describe('feature-map channels', () => {
  it('extracts one channel of an NHWC map', () => {
    // 2x3 map with 2 channels: channel 0 = 10*r + x, channel 1 = -(10*r + x).
    const data = new Float32Array(12);
    for (let r = 0; r < 2; r++)
      for (let x = 0; x < 3; x++) {
        data[(r * 3 + x) * 2] = 10 * r + x;
        data[(r * 3 + x) * 2 + 1] = -(10 * r + x);
      }
    expect(gridToRows(extractChannel(data, 2, 3, 2, 0))).toEqual([
      [0, 1, 2],
      [10, 11, 12],
    ]);
    expect(gridToRows(extractChannel(data, 2, 3, 2, 1))).toEqual([
      [-0, -1, -2],
      [-10, -11, -12],
    ]);
    expect(() => extractChannel(data, 2, 3, 2, 2)).toThrow(RangeError);
    expect(() => extractChannel(data, 3, 3, 2, 0)).toThrow(RangeError);
  });

  it('lays a vector out in rows, padding the last one with NaN', () => {
    const g = vectorAsGrid(Float32Array.from([1, 2, 3, 4, 5]), 2);
    expect([g.height, g.width]).toEqual([3, 2]);
    expect(Array.from(g.data.subarray(0, 5))).toEqual([1, 2, 3, 4, 5]);
    expect(Number.isNaN(g.data[5])).toBe(true);
    expect(finiteRange(g.data)).toEqual([1, 5]);
    expect(finiteRange(Float32Array.from([NaN]))).toEqual([0, 0]);
  });
});
