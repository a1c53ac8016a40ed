import { describe, expect, it } from 'vitest';
import { maxPoolGradient, type PoolGeometry } from './maxPoolGradient';

function geometry(side: number, channels: number, window: number, stride: number, batch = 1, pad = 0, outSide?: number): PoolGeometry {
  const out = outSide ?? Math.floor((side + pad - window) / stride) + 1;
  return {
    batch,
    inHeight: side,
    inWidth: side,
    channels,
    outHeight: out,
    outWidth: out,
    windowHeight: window,
    windowWidth: window,
    strideHeight: stride,
    strideWidth: stride,
    padTop: pad,
    padLeft: pad,
  };
}

describe('maxPoolGradient', () => {
  it('sends each window’s gradient to its maximum, negative windows included', () => {
    const g = geometry(2, 1, 2, 2);
    const dy = Float32Array.from([7]);
    expect([...maxPoolGradient([5, 1, 2, 3], dy, g)]).toEqual([7, 0, 0, 0]);
    expect([...maxPoolGradient([1, 2, 5, 3], dy, g)]).toEqual([0, 0, 7, 0]);
    expect([...maxPoolGradient([-5, -1, -2, -3], dy, g)]).toEqual([0, 7, 0, 0]);
    expect([...maxPoolGradient([-5, -4, -3, -0.5], dy, g)]).toEqual([0, 0, 0, 7]);
  });

  it('breaks ties at the first cell in row-major order, and lets no padding cell win', () => {
    expect([...maxPoolGradient([0, 0, 0, 0], [1], geometry(2, 1, 2, 2))]).toEqual([1, 0, 0, 0]);
    // A 3x3 window over a 2x2 map padded by one row and column above and left: all inputs negative.
    expect([...maxPoolGradient([-4, -3, -2, -9], [1], geometry(2, 1, 3, 2, 1, 1, 1))]).toEqual([0, 0, 1, 0]);
  });

  it('keeps channels and batch items apart and adds the gradients of overlapping windows', () => {
    // Two channels interleaved (NHWC), batch 2, 3x3 windows with stride 1 over 4x4: 2x2 outputs.
    const g = geometry(4, 2, 3, 1, 2);
    const input = new Float32Array(64);
    input[((0 * 4 + 1) * 4 + 1) * 2 + 0] = 9; // item 0, channel 0: (1, 1) is in all four windows.
    input[((0 * 4 + 3) * 4 + 3) * 2 + 1] = 8; // item 0, channel 1: (3, 3) is only in the last window.
    input[((1 * 4 + 0) * 4 + 0) * 2 + 1] = 6; // item 1, channel 1: (0, 0) is only in the first window.
    const dy = Float32Array.from({ length: 16 }, (_, i) => i + 1);
    const dx = maxPoolGradient(input, dy, g);
    expect(dx[((0 * 4 + 1) * 4 + 1) * 2 + 0]).toBe(1 + 3 + 5 + 7);
    expect(dx[((0 * 4 + 3) * 4 + 3) * 2 + 1]).toBe(8);
    expect(dx[((1 * 4 + 0) * 4 + 0) * 2 + 1]).toBe(10);
    // Every output cell's gradient lands somewhere exactly once.
    expect(dx.reduce((a, b) => a + b, 0)).toBe(dy.reduce((a, b) => a + b, 0));
  });

  it('refuses arrays of the wrong size and impossible geometry, saying which', () => {
    const g = geometry(2, 1, 2, 2);
    expect(() => maxPoolGradient([1, 2, 3], [1], g)).toThrow('The input has 3 values; this pooling needs 4.');
    expect(() => maxPoolGradient([1, 2, 3, 4], [1, 2], g)).toThrow(/output gradient has 2/);
    expect(() => maxPoolGradient([1, 2, 3, 4], [1], g, new Float32Array(3))).toThrow(/input gradient has 3/);
    expect(() => maxPoolGradient([1, 2, 3, 4], [1], { ...g, windowWidth: 0 })).toThrow(/windowWidth must be a whole number/);
  });
});
