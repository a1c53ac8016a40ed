import { describe, expect, it } from 'vitest';
import { IDENTITY_OP, layerSizes, sameOp, traceReceptiveField, validOp, windowOutputSize, type WindowOp } from './receptiveField';

/** A small seeded generator (mulberry32), so failures can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Brute force: the set of input cells (as a 2-D mask per layer) that cell (row, col) of the
 * last layer depends on, found by walking every window of every layer in 2-D.
 */
function bruteForce(h: number, w: number, ops: readonly WindowOp[], row: number, col: number): boolean[][][] {
  const heights = layerSizes(h, ops);
  const widths = layerSizes(w, ops);
  const masks: boolean[][][] = heights.map((hh, l) => Array.from({ length: hh }, () => new Array<boolean>(widths[l]).fill(false)));
  masks[ops.length][row][col] = true;
  for (let l = ops.length - 1; l >= 0; l--) {
    const op = ops[l];
    for (let r = 0; r < heights[l + 1]; r++) {
      for (let c = 0; c < widths[l + 1]; c++) {
        if (!masks[l + 1][r][c]) continue;
        for (let dr = 0; dr < op.kernel; dr++) {
          for (let dc = 0; dc < op.kernel; dc++) {
            const ir = r * op.stride - op.padBefore + dr;
            const ic = c * op.stride - op.padBefore + dc;
            if (ir >= 0 && ic >= 0 && ir < heights[l] && ic < widths[l]) masks[l][ir][ic] = true;
          }
        }
      }
    }
  }
  return masks;
}

function randomNetwork(next: () => number): { h: number; w: number; ops: WindowOp[] } | null {
  const h = 8 + Math.floor(next() * 24);
  const w = 8 + Math.floor(next() * 24);
  const ops: WindowOp[] = [];
  const count = 1 + Math.floor(next() * 6);
  let n = Math.min(h, w);
  for (let i = 0; i < count; i++) {
    const kind = next();
    const kernel = 1 + Math.floor(next() * 5);
    const stride = 1 + Math.floor(next() * 3);
    const op =
      kind < 0.2
        ? IDENTITY_OP
        : kind < 0.6
          ? validOp(kernel, stride)
          : kind < 0.8
            ? sameOp(n, kernel, stride)
            : { kernel, stride, padBefore: Math.floor(next() * 3), padAfter: Math.floor(next() * 3) };
    const out = windowOutputSize(n, op);
    if (out < 1) break;
    ops.push(op);
    n = out;
  }
  if (ops.length === 0 || layerSizes(h, ops).some((s) => s < 1) || layerSizes(w, ops).some((s) => s < 1)) return null;
  return { h, w, ops };
}

describe('traceReceptiveField', () => {
  it('gives the known arithmetic of the default network (3x3 conv, ReLU, 2x2 pool, twice)', () => {
    const ops = [validOp(3, 1), IDENTITY_OP, validOp(2, 2), validOp(3, 1), IDENTITY_OP, validOp(2, 2)];
    expect(layerSizes(28, ops)).toEqual([28, 26, 26, 13, 11, 11, 5]);
    // A pool2 cell (r, c) sees input rows 4r .. 4r + 9: a 10 x 10 patch.
    const regions = traceReceptiveField(28, 28, ops, 1, 3);
    expect(regions).toHaveLength(7);
    const input = regions[0];
    expect([input.rows.first, input.rows.last, input.cols.first, input.cols.last]).toEqual([4, 13, 12, 21]);
    expect(input.rows.contiguous && input.cols.contiguous).toBe(true);
    expect([regions[3].rows.first, regions[3].rows.last]).toEqual([2, 5]); // pool1
    expect([regions[4].rows.first, regions[4].rows.last]).toEqual([2, 3]); // conv2
    expect([regions[6].rows.first, regions[6].rows.last]).toEqual([1, 1]); // pool2 itself
    // A conv2 cell sees 8 x 8 input pixels.
    const conv2 = traceReceptiveField(28, 28, ops.slice(0, 4), 0, 10)[0];
    expect([conv2.rows.first, conv2.rows.last, conv2.cols.first, conv2.cols.last]).toEqual([0, 7, 20, 27]);
  });

  it('clips at the image edge and counts the zero padding the windows reach', () => {
    const ops = [sameOp(28, 5, 1), sameOp(28, 3, 1)];
    expect(ops[0]).toEqual({ kernel: 5, stride: 1, padBefore: 2, padAfter: 2 });
    const [input] = traceReceptiveField(28, 28, ops, 0, 27);
    expect([input.rows.first, input.rows.last, input.rows.padBefore, input.rows.padAfter]).toEqual([0, 3, 2, 0]);
    // The middle layer is padded too: its padding cell adds nothing to the input region.
    expect([input.cols.first, input.cols.last, input.cols.padBefore, input.cols.padAfter]).toEqual([24, 27, 0, 2]);
  });

  it('marks regions with gaps when the stride is larger than the kernel', () => {
    const ops = [validOp(1, 2), validOp(2, 1)];
    const [input] = traceReceptiveField(9, 9, ops, 0, 0);
    expect(input.rows.indices).toEqual([0, 2]);
    expect(input.rows.contiguous).toBe(false);
  });

  it('matches brute-force dependency tracing on 300 random small networks', () => {
    const next = rng(7);
    let checked = 0;
    while (checked < 300) {
      const net = randomNetwork(next);
      if (!net) continue;
      const { h, w, ops } = net;
      const last = { h: layerSizes(h, ops)[ops.length], w: layerSizes(w, ops)[ops.length] };
      const row = Math.floor(next() * last.h);
      const col = Math.floor(next() * last.w);
      const regions = traceReceptiveField(h, w, ops, row, col);
      const masks = bruteForce(h, w, ops, row, col);
      regions.forEach((region, l) => {
        const mask = masks[l];
        for (let r = 0; r < mask.length; r++) {
          for (let c = 0; c < mask[r].length; c++) {
            expect(mask[r][c], `layer ${l} cell ${r},${c}`).toBe(region.rows.indices.includes(r) && region.cols.indices.includes(c));
          }
        }
      });
      checked++;
    }
  });

  it('rejects a cell outside the map and bad operations', () => {
    expect(() => traceReceptiveField(28, 28, [validOp(3, 1)], 26, 0)).toThrow(/outside the 26x26/);
    expect(() => traceReceptiveField(28, 28, [validOp(0, 1)], 0, 0)).toThrow(/operation 1/);
    expect(() => traceReceptiveField(28, 28, [{ kernel: 3, stride: 1, padBefore: -1, padAfter: 0 }], 0, 0)).toThrow(RangeError);
  });
});
