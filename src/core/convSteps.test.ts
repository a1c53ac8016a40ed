import { describe, expect, it } from 'vitest';
import { convolve2d } from './convolve';
import { convSteps, filledOutput } from './convSteps';
import { createGrid, gridFromRows } from './grid';

function randomGrid(h: number, w: number, seed: number) {
  let s = seed;
  const data = new Float32Array(h * w).map(() => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.round((s / 2147483648) * 20 - 10) / 2;
  });
  return createGrid(h, w, data);
}

describe('convSteps', () => {
  const input = randomGrid(9, 8, 3);
  const kernels = [
    gridFromRows([
      [2, -1, -1],
      [-1, 2, -1],
      [-1, -1, 2],
    ]),
    randomGrid(2, 3, 7),
    randomGrid(5, 5, 11),
  ];
  for (const kernel of kernels) {
    for (const stride of [1, 2, 3]) {
      for (const padding of [0, 1, 2]) {
        it(`steps to convolve2d's output (${kernel.height}x${kernel.width}, stride ${stride}, padding ${padding})`, () => {
          const expected = convolve2d(input, kernel, { stride, padding });
          const seq = convSteps(input, kernel, { stride, padding });
          expect([seq.outHeight, seq.outWidth]).toEqual([expected.height, expected.width]);
          expect(seq.steps).toHaveLength(expected.data.length);
          const full = filledOutput(seq, seq.steps.length);
          for (let i = 0; i < expected.data.length; i++) expect(full.data[i]).toBeCloseTo(expected.data[i], 4);
        });
      }
    }
  }

  it('visits the output row by row and places the window by stride, in padded coordinates', () => {
    const seq = convSteps(input, kernels[0], { stride: 2, padding: 1 });
    const s = seq.steps[seq.outWidth + 2];
    expect([s.index, s.outRow, s.outCol, s.windowTop, s.windowLeft]).toEqual([seq.outWidth + 2, 1, 2, 2, 4]);
  });

  it('shows padding cells as 0 and still counts their weights', () => {
    const seq = convSteps(
      gridFromRows([
        [1, 1],
        [1, 1],
      ]),
      gridFromRows([
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ]),
      { stride: 1, padding: 1 },
    );
    const first = seq.steps[0];
    const padded = first.terms.filter((t) => !t.inside);
    expect(padded).toHaveLength(5);
    expect(padded.every((t) => t.value === 0 && t.product === 0 && t.weight === 1)).toBe(true);
    expect(first.sum).toBe(4);
  });

  it('adds the bias to every output and fills the map only as far as it was stepped', () => {
    const seq = convSteps(input, kernels[0], { stride: 1, padding: 0 }, 0.5);
    expect(seq.steps[4].output).toBeCloseTo(seq.steps[4].sum + 0.5, 6);
    const partial = filledOutput(seq, 3);
    expect(Array.from(partial.data.slice(0, 3))).toEqual(seq.steps.slice(0, 3).map((s) => Math.fround(s.output)));
    expect(partial.data.slice(3).every(Number.isNaN)).toBe(true);
    expect(filledOutput(seq, -2).data.every(Number.isNaN)).toBe(true);
  });

  it('gives no steps when the kernel is larger than the padded input, and rejects a bad stride', () => {
    expect(convSteps(createGrid(2, 2), createGrid(3, 3), { stride: 1, padding: 0 }).steps).toHaveLength(0);
    expect(() => convSteps(input, kernels[0], { stride: 0, padding: 0 })).toThrow(RangeError);
  });
});
