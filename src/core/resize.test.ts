import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGrid, gridFromRows, gridToRows } from './grid';
import { resizeBilinear } from './resize';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('resizeBilinear', () => {
  it('enlarges 2x2 to 4x4 with pixel centres aligned, worked by hand', () => {
    // Output centres fall at source positions -0.25 (held at 0), 0.25, 0.75 and 1.25 (held
    // at 1); on [[0, 4], [8, 12]] the value at source (y, x) is 8y + 4x.
    const out = resizeBilinear(
      gridFromRows([
        [0, 4],
        [8, 12],
      ]),
      4,
      4,
    );
    expect(gridToRows(out)).toEqual([
      [0, 1, 3, 4],
      [2, 3, 5, 6],
      [6, 7, 9, 10],
      [8, 9, 11, 12],
    ]);
  });

  it('spreads a 1x1 map evenly and leaves a same-size grid unchanged', () => {
    expect(Array.from(resizeBilinear(gridFromRows([[3]]), 2, 3).data)).toEqual([3, 3, 3, 3, 3, 3]);
    const grid = createGrid(3, 2, Float32Array.from([1, 2, 3, 4, 5, 6]));
    expect(Array.from(resizeBilinear(grid, 3, 2).data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("computes what tfjs's resizeBilinear with half-pixel centres computes (5x5 and 11x11 to 28x28, 3x7 to 4x9)", () => {
    for (const [h, w, oh, ow] of [
      [5, 5, 28, 28],
      [11, 11, 28, 28],
      [3, 7, 4, 9],
    ]) {
      const source = createGrid(
        h,
        w,
        Float32Array.from({ length: h * w }, (_, i) => Math.sin(i * 1.7) * 3),
      );
      const expected = tf.tidy(() => tf.image.resizeBilinear(tf.tensor3d(source.data, [h, w, 1]), [oh, ow], false, true).dataSync());
      const actual = resizeBilinear(source, oh, ow);
      actual.data.forEach((v, i) => expect(v, `${h}x${w} -> ${oh}x${ow} at ${i}`).toBeCloseTo(expected[i], 5));
    }
  });
});
