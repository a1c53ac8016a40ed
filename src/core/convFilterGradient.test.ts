import { describe, expect, it } from 'vitest';
import { convFilterGradient, convPatches, type ConvGeometry } from './convFilterGradient';

/** A small deterministic generator, so failures reproduce. */
function randomValues(count: number, seed: number, zeros = 0): Float32Array {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return Float32Array.from({ length: count }, () => (next() < zeros ? 0 : next() * 2 - 1));
}

function geometry(
  inSide: number,
  inChannels: number,
  outChannels: number,
  filter: number,
  stride: number,
  same: boolean,
  batch: number,
  dilation = 1,
): ConvGeometry {
  const span = (filter - 1) * dilation + 1;
  const outSide = same ? Math.ceil(inSide / stride) : Math.floor((inSide - span) / stride) + 1;
  const padTotal = same ? Math.max(0, (outSide - 1) * stride + span - inSide) : 0;
  const padTop = Math.floor(padTotal / 2);
  return {
    batch,
    inHeight: inSide,
    inWidth: inSide,
    inChannels,
    outHeight: outSide,
    outWidth: outSide,
    outChannels,
    filterHeight: filter,
    filterWidth: filter,
    strideHeight: stride,
    strideWidth: stride,
    dilationHeight: dilation,
    dilationWidth: dilation,
    padTop,
    padLeft: padTop,
  };
}

/** The forward convolution, written out cell by cell: out(n, oy, ox, f). */
function convolve(input: Float32Array, filter: Float32Array, g: ConvGeometry): Float64Array {
  const out = new Float64Array(g.batch * g.outHeight * g.outWidth * g.outChannels);
  let at = 0;
  for (let n = 0; n < g.batch; n++)
    for (let oy = 0; oy < g.outHeight; oy++)
      for (let ox = 0; ox < g.outWidth; ox++)
        for (let f = 0; f < g.outChannels; f++, at++) {
          let sum = 0;
          for (let fy = 0; fy < g.filterHeight; fy++)
            for (let fx = 0; fx < g.filterWidth; fx++)
              for (let c = 0; c < g.inChannels; c++) {
                const iy = oy * g.strideHeight + fy * g.dilationHeight - g.padTop;
                const ix = ox * g.strideWidth + fx * g.dilationWidth - g.padLeft;
                if (iy < 0 || ix < 0 || iy >= g.inHeight || ix >= g.inWidth) continue;
                const x = input[((n * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + c];
                sum += x * filter[((fy * g.filterWidth + fx) * g.inChannels + c) * g.outChannels + f];
              }
          out[at] = sum;
        }
  return out;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
};

describe('convFilterGradient', () => {
  it('works a one-channel 3x3 input through a 2x2 filter by hand', () => {
    const g = geometry(3, 1, 1, 2, 1, false, 1);
    const input = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const dy = Float32Array.from([1, 0, 0, 2]);
    // dW(fy, fx) = x(fy, fx) * 1 + x(fy + 1, fx + 1) * 2.
    expect([...convFilterGradient(input, dy, g)]).toEqual([1 + 2 * 5, 2 + 2 * 6, 4 + 2 * 8, 5 + 2 * 9]);
  });

  // The loss sum(dy * conv(x, w)) is linear in w, so its gradient G satisfies
  // sum(dy * conv(x, w)) = sum(w * G) for every filter w.
  const cases: [string, ConvGeometry][] = [
    ["'valid', stride 1, several channels, batch 3", geometry(7, 3, 4, 3, 1, false, 3)],
    ["'same', stride 2 (odd padding below), batch 2", geometry(8, 2, 5, 3, 2, true, 2)],
    ["'same', stride 2, even filter", geometry(9, 4, 3, 4, 2, true, 2)],
    ["'valid', stride 3", geometry(11, 2, 2, 2, 3, false, 2)],
    ["'same', dilation 2", geometry(7, 2, 3, 3, 1, true, 2, 2)],
  ];
  it.each(cases)('is the adjoint of the forward convolution: %s', (_, g) => {
    const input = randomValues(g.batch * g.inHeight * g.inWidth * g.inChannels, 1, 0.3);
    const dy = randomValues(g.batch * g.outHeight * g.outWidth * g.outChannels, 2);
    const gradient = convFilterGradient(input, dy, g);
    for (let trial = 0; trial < 3; trial++) {
      const filter = randomValues(gradient.length, 10 + trial);
      const loss = dot(dy, convolve(input, filter, g));
      expect(dot(filter, gradient)).toBeCloseTo(loss, 3);
    }
  });

  it.each(cases)('equals patchesᵀ · dy, the patch matrix times the output gradient: %s', (_, g) => {
    const input = randomValues(g.batch * g.inHeight * g.inWidth * g.inChannels, 5, 0.3);
    const dy = randomValues(g.batch * g.outHeight * g.outWidth * g.outChannels, 6);
    const rows = g.batch * g.outHeight * g.outWidth;
    const columns = g.filterHeight * g.filterWidth * g.inChannels;
    const patches = convPatches(input, g, new Float32Array(rows * columns).fill(99));
    const product = new Float64Array(columns * g.outChannels);
    for (let m = 0; m < rows; m++)
      for (let k = 0; k < columns; k++)
        for (let f = 0; f < g.outChannels; f++) product[k * g.outChannels + f] += patches[m * columns + k] * dy[m * g.outChannels + f];
    const direct = convFilterGradient(input, dy, g);
    product.forEach((value, i) => expect(value).toBeCloseTo(direct[i], 4));
    expect(() => convPatches(input, g, new Float32Array(3))).toThrow(`The patch matrix has 3 values; this convolution needs ${rows * columns}.`);
  });

  it('writes into the given array, clearing what was there', () => {
    const g = geometry(4, 1, 2, 2, 1, false, 1);
    const input = randomValues(16, 3);
    const dy = randomValues(18, 4);
    const out = new Float32Array(8).fill(99);
    expect(convFilterGradient(input, dy, g, out)).toBe(out);
    expect([...out]).toEqual([...convFilterGradient(input, dy, g)]);
  });

  it('refuses arrays of the wrong size and impossible geometry, saying which', () => {
    const g = geometry(4, 1, 2, 2, 1, false, 1);
    expect(() => convFilterGradient(new Float32Array(15), new Float32Array(18), g)).toThrow('The input has 15 values; this convolution needs 16.');
    expect(() => convFilterGradient(new Float32Array(16), new Float32Array(17), g)).toThrow(/output gradient has 17/);
    expect(() => convFilterGradient(new Float32Array(16), new Float32Array(18), g, new Float32Array(7))).toThrow(/filter gradient has 7/);
    expect(() => convFilterGradient(new Float32Array(16), new Float32Array(18), { ...g, strideHeight: 0 })).toThrow(/strideHeight must be a whole number/);
    expect(() => convFilterGradient(new Float32Array(16), new Float32Array(18), { ...g, padTop: -1 })).toThrow(/padding/);
  });
});
