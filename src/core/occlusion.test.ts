import { describe, expect, it } from 'vitest';
import { createGrid, gridToRows, type Grid } from './grid';
import { DEFAULT_OCCLUSION, occlusionSensitivity, patchOffsets } from './occlusion';

/** Score = sum of the pixels at rows 1-2 of column 1 of a 5x5 image (a 2x1 region, so a transposed map shows). */
function regionSum(pixels: Float32Array): number {
  return pixels[1 * 5 + 1] + pixels[2 * 5 + 1];
}

function expectRows(grid: Grid, rows: number[][]): void {
  expect([grid.height, grid.width]).toEqual([rows.length, rows[0].length]);
  gridToRows(grid).forEach((row, r) => row.forEach((v, c) => expect(v, `(${r}, ${c})`).toBeCloseTo(rows[r][c], 6)));
}

describe('patchOffsets', () => {
  it('steps by the stride and adds a last position flush with the edge when the steps fall short', () => {
    expect(patchOffsets(28, 6, 2)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]);
    expect(patchOffsets(28, 6, 4)).toEqual([0, 4, 8, 12, 16, 20, 22]);
    expect(patchOffsets(5, 2, 2)).toEqual([0, 2, 3]);
    expect(patchOffsets(5, 5, 3)).toEqual([0]);
  });

  it('refuses patches that do not fit, strides that do not move and strides that skip pixels', () => {
    expect(() => patchOffsets(5, 6, 1)).toThrow(RangeError);
    expect(() => patchOffsets(5, 0, 1)).toThrow(RangeError);
    expect(() => patchOffsets(5, 2, 0)).toThrow(RangeError);
    expect(() => patchOffsets(5, 2, 1.5)).toThrow(RangeError);
    // A 6-pixel patch every 7 pixels never hides columns 6, 13, 20: they would have no drop
    // to average (0 / 0) and the map and its maxAbs would be NaN.
    expect(() => patchOffsets(28, 6, 7)).toThrow(RangeError);
    expect(() => patchOffsets(28, 6, 7)).toThrow(/longer than the patch/);
    expect(() => occlusionSensitivity(createGrid(28, 28), () => 0, { patch: 6, stride: 7, fill: 0 })).toThrow(RangeError);
    expect(patchOffsets(28, 6, 6)).toEqual([0, 6, 12, 18, 22]);
  });
});

describe('occlusionSensitivity', () => {
  it('gives the drops and the per-pixel mean worked out by hand for a region-sum score', () => {
    // A 2x2 patch of 0 at offsets 0, 2, 3 on an image of ones hides 1 region row (top 0 or
    // 2) or none (top 3), and the region's column (left 0) or not (left 2, 3): drop = row
    // overlap x column overlap.
    const image = createGrid(5, 5, new Float32Array(25).fill(1));
    let calls = 0;
    const result = occlusionSensitivity(
      image,
      (pixels) => {
        calls++;
        return regionSum(pixels);
      },
      { patch: 2, stride: 2, fill: 0 },
    );
    expect(calls).toBe(1 + 3 * 3);
    expect(result.baseline).toBe(2);
    expect(result.rows).toEqual([0, 2, 3]);
    expect(result.cols).toEqual([0, 2, 3]);
    expectRows(result.drops, [
      [1, 0, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
    // Rows 0-2 are covered by one patch row of overlap 1; row 3 by two (1 and 0, mean 0.5);
    // row 4 by one of overlap 0. Columns 0-1 only by patches at left 0 (overlap 1), columns
    // 2-4 only by patches at left 2 or 3 (overlap 0). The mean of a product is the product.
    expectRows(result.map, [
      [1, 1, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [0.5, 0.5, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(result.maxAbs).toBe(1);
    expect(Array.from(image.data).every((v) => v === 1)).toBe(true);
  });

  it('writes the fill value under the patch, and a patch that raises the score gives a negative drop', () => {
    const result = occlusionSensitivity(createGrid(5, 5), regionSum, { patch: 2, stride: 2, fill: 0.5 });
    expect(result.baseline).toBe(0);
    expectRows(result.drops, [
      [-0.5, 0, 0],
      [-0.5, 0, 0],
      [0, 0, 0],
    ]);
    expect(result.map.data[0]).toBeCloseTo(-0.5, 6);
    expect(result.map.data[3 * 5 + 1]).toBeCloseTo(-0.25, 6);
    expect(result.map.data[1 * 5 + 3]).toBe(0);
    expect(result.maxAbs).toBe(0.5);
  });

  it('restores the pixels under each patch before the next one, and covers a 28x28 digit with 12 x 12 patches by default', () => {
    const image = createGrid(
      28,
      28,
      Float32Array.from({ length: 784 }, (_, i) => (i % 7) / 7),
    );
    const seen: number[] = [];
    const result = occlusionSensitivity(image, (pixels) => {
      // Exactly one 6x6 patch is hidden at a time (none for the baseline).
      let changed = 0;
      pixels.forEach((v, i) => (changed += v !== image.data[i] ? 1 : 0));
      seen.push(changed);
      return 0;
    });
    expect(DEFAULT_OCCLUSION).toEqual({ patch: 6, stride: 2, fill: 0 });
    expect([result.drops.height, result.drops.width]).toEqual([12, 12]);
    expect(seen[0]).toBe(0);
    // A 6x6 patch over this image hides 36 pixels, of which the zeros (every 7th) do not change.
    expect(Math.max(...seen.slice(1))).toBeLessThanOrEqual(36);
    expect(Math.min(...seen.slice(1))).toBeGreaterThanOrEqual(36 - 6);
  });
});
