import { describe, expect, it } from 'vitest';
import type { Stroke } from './labState';
import { decodeStrokes, DRAWING_LIMITS, encodeStrokes, quantiseStroke, STROKE_GRID } from './strokeCodec';

/** A wobbly pen stroke like a pointer produces: many small steps, off the grid. */
function penStroke(n: number, seed: number): Stroke {
  const points: [number, number][] = [];
  for (let i = 0; i < n; i++) points.push([0.2 + 0.6 * (i / n) + 0.01 * Math.sin(i + seed), 0.3 + 0.4 * Math.cos(i / 9 + seed)]);
  return { size: 1 / 12, points };
}

describe('drawing codec', () => {
  it('round-trips strokes exactly once they are on the grid', () => {
    const strokes = [penStroke(80, 1), penStroke(1, 2), penStroke(40, 3)].map(quantiseStroke);
    const decoded = decodeStrokes(encodeStrokes(strokes));
    expect(decoded).toEqual({ ok: true, strokes });
  });

  it('puts off-grid strokes on the grid while encoding', () => {
    const raw = [penStroke(30, 4)];
    const decoded = decodeStrokes(encodeStrokes(raw));
    expect(decoded).toEqual({ ok: true, strokes: raw.map(quantiseStroke) });
    if (decoded.ok) for (const [x] of decoded.strokes[0].points) expect(Number.isInteger(x * STROKE_GRID)).toBe(true);
  });

  it('round-trips an empty drawing and the pad corners', () => {
    expect(decodeStrokes(encodeStrokes([]))).toEqual({ ok: true, strokes: [] });
    const corners: Stroke[] = [
      {
        size: 0.25,
        points: [
          [0, 0],
          [1, 1],
          [0, 1],
          [1, 0],
        ],
      },
    ];
    expect(decodeStrokes(encodeStrokes(corners))).toEqual({ ok: true, strokes: corners });
  });

  it('is compact: about a byte per coordinate for ordinary pen movement', () => {
    const text = encodeStrokes([penStroke(200, 5)]);
    expect(text.length).toBeLessThan(200 * 2 * 1.5 * (4 / 3));
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('rejects text that is not a drawing', () => {
    for (const bad of ['', '!!!!', 'a', 'AAAA', 'Zm9vYmFy', encodeStrokes([penStroke(5, 6)]).slice(0, -3), `${encodeStrokes([])}AA`]) {
      expect(decodeStrokes(bad), bad).toEqual({ ok: false, error: 'wrong-type' });
    }
  });

  it('rejects drawings beyond the limits', () => {
    const many = Array.from({ length: DRAWING_LIMITS.strokes + 1 }, () => ({ size: 0.05, points: [[0.5, 0.5]] as [number, number][] }));
    expect(decodeStrokes(encodeStrokes(many))).toEqual({ ok: false, error: 'out-of-range' });
    const long = Array.from({ length: 2 }, () => ({
      size: 0.05,
      points: Array.from({ length: DRAWING_LIMITS.points / 2 + 1 }, () => [0.5, 0.5] as [number, number]),
    }));
    expect(decodeStrokes(encodeStrokes(long))).toEqual({ ok: false, error: 'out-of-range' });
    // Hand-made bytes: version 1, one stroke, brush 51/1024, two points: (1024, 0), then +10 in x.
    const bytes = (b: number[]) => Buffer.from(b).toString('base64url');
    expect(decodeStrokes(bytes([1, 1, 51, 2, 0x80, 8, 0, 0, 0])).ok).toBe(true);
    expect(decodeStrokes(bytes([1, 1, 51, 2, 0x80, 8, 0, 20, 0]))).toEqual({ ok: false, error: 'out-of-range' });
    // A brush of 1/1024 of the pad, thinner than any the pad offers.
    expect(decodeStrokes(bytes([1, 1, 1, 1, 0, 0]))).toEqual({ ok: false, error: 'out-of-range' });
    // A version this build does not know.
    expect(decodeStrokes(bytes([2, 0]))).toEqual({ ok: false, error: 'wrong-type' });
  });
});
