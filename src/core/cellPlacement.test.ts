import { describe, expect, it } from 'vitest';
import { axisPlacement, placeOnInput } from './cellPlacement';
import { createGrid } from './grid';
import { IDENTITY_OP, sameOp, validOp } from './receptiveField';

/** The default network up to conv2_relu: 3x3 valid conv, ReLU, 2x2 pool, 3x3 valid conv, ReLU (28 -> 26 -> 13 -> 11). */
const DEFAULT_OPS = [validOp(3, 1), IDENTITY_OP, validOp(2, 2), validOp(3, 1), IDENTITY_OP];

describe('axisPlacement', () => {
  it('puts each cell of the default network conv2 at the centre of its receptive field, 2 pixels apart', () => {
    const { centres, covered } = axisPlacement(28, DEFAULT_OPS);
    // Cell i sees pool cells i..i+2, conv1 cells 2i..2i+5, input pixels 2i..2i+7: centre 2i + 3.5.
    expect(Array.from(centres)).toEqual(Array.from({ length: 11 }, (_, i) => 2 * i + 3.5));
    expect(Array.from(covered).every((c) => c === 1)).toBe(true);
  });

  it('leaves out the pixels a floor pooling drops, and centres a same-padded edge cell on the edge pixel', () => {
    // 7 pixels, 2x2 pooling: 3 cells see pixels 0-5; pixel 6 is dropped.
    const pooled = axisPlacement(7, [validOp(2, 2)]);
    expect(Array.from(pooled.centres)).toEqual([0.5, 2.5, 4.5]);
    expect(Array.from(pooled.covered)).toEqual([1, 1, 1, 1, 1, 1, 0]);
    // 'same' 3x3 convolution on 5 pixels: cell 0 reads padding, pixel 0 and pixel 1: centre 0.
    const same = axisPlacement(5, [sameOp(5, 3, 1)]);
    expect(Array.from(same.centres)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('placeOnInput', () => {
  it('interpolates between cell centres as worked out by hand, and holds the outer values to the edge', () => {
    // Two cells per axis from a 2x2 pooling of a 4x4 input: centres 0.5 and 2.5.
    const coarse = createGrid(2, 2, Float32Array.from([0, 4, 8, 12]));
    const placed = placeOnInput(coarse, 4, 4, [validOp(2, 2)]);
    // Row 1 (y = 1): a quarter of the way from row centre 0.5 to 2.5; column 2 (x = 2): three quarters.
    // upper = 0 + 0.75 x 4 = 3, lower = 8 + 0.75 x 4 = 11; 3 + 0.25 x (11 - 3) = 5.
    expect(placed.data[1 * 4 + 2]).toBeCloseTo(5, 6);
    // Pixel (0, 0) lies before both first centres: the first cell's value.
    expect(placed.data[0]).toBe(0);
    // Pixel (3, 3) lies past both last centres: the last cell's value.
    expect(placed.data[15]).toBe(12);
  });

  it('gives NaN (no heat) to the rows and columns no cell sees, and refuses a map of the wrong size', () => {
    const coarse = createGrid(3, 3, new Float32Array(9).fill(1));
    const placed = placeOnInput(coarse, 7, 7, [validOp(2, 2)]);
    for (let i = 0; i < 7; i++) {
      expect(placed.data[6 * 7 + i]).toBeNaN();
      expect(placed.data[i * 7 + 6]).toBeNaN();
    }
    expect(placed.data[5 * 7 + 5]).toBe(1);
    expect(() => placeOnInput(createGrid(2, 2), 7, 7, [validOp(2, 2)])).toThrow(RangeError);
  });

  it('puts a single hot cell of the default conv2 at its receptive-field centre, not where a stretch would', () => {
    const coarse = createGrid(11, 11);
    coarse.data[0] = 1; // cell (0, 0): centre at pixel 3.5, 3.5
    const placed = placeOnInput(coarse, 28, 28, DEFAULT_OPS);
    // Pixels 0-3 sit before the first centre (held at 1); pixel 4 is a quarter of the way to the next centre 5.5.
    expect(placed.data[3 * 28 + 3]).toBe(1);
    expect(placed.data[3 * 28 + 4]).toBeCloseTo(0.75, 6);
    expect(placed.data[4 * 28 + 4]).toBeCloseTo(0.75 * 0.75, 6);
    expect(placed.data[6 * 28 + 3]).toBe(0);
  });
});
