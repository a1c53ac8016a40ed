import { describe, it, expect } from 'vitest';
import { rgbaToInk } from './ink';

type RGBA = readonly [number, number, number, number];

const W = 20;
const H = 20;

/** A stroke: a 4-px-wide vertical bar in columns 8..11, rows 3..16, plus one pixel at (10, 2). */
function isStroke(r: number, c: number): boolean {
  return (c >= 8 && c <= 11 && r >= 3 && r <= 16) || (r === 2 && c === 10);
}

/** A W x H bitmap painted with `stroke` on the stroke pixels and `paper` elsewhere. */
function bitmap(stroke: RGBA, paper: RGBA, edge?: RGBA): Uint8ClampedArray {
  const data = new Uint8ClampedArray(W * H * 4);
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      const onEdge = c === 9 && (r === 3 || r === 16); // tip pixels of the stroke
      const colour = isStroke(r, c) ? (edge && onEdge ? edge : stroke) : paper;
      data.set(colour, (r * W + c) * 4);
    }
  }
  return data;
}

function at(ink: { data: Float32Array; width: number }, r: number, c: number): number {
  return ink.data[r * ink.width + c];
}

/** Mean ink on stroke pixels and on paper pixels. */
function means(ink: { data: Float32Array; width: number }): { stroke: number; paper: number } {
  let s = 0;
  let ns = 0;
  let p = 0;
  let np = 0;
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      if (isStroke(r, c)) {
        s += at(ink, r, c);
        ns++;
      } else {
        p += at(ink, r, c);
        np++;
      }
    }
  }
  return { stroke: s / ns, paper: p / np };
}

const BLACK: RGBA = [0, 0, 0, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const CLEAR_BLACK: RGBA = [0, 0, 0, 0];
const CLEAR_WHITE: RGBA = [255, 255, 255, 0];

describe('rgbaToInk', () => {
  it('turns black strokes on a transparent background into ink', () => {
    // Transparent pixels are usually stored as (0, 0, 0, 0): the colour must not be trusted.
    for (const clear of [CLEAR_BLACK, CLEAR_WHITE]) {
      const { ink, inverted } = rgbaToInk(bitmap(BLACK, clear), W, H);
      expect(inverted).toBe(true);
      const m = means(ink);
      expect(m.stroke).toBeCloseTo(1, 5);
      expect(m.paper).toBeCloseTo(0, 5);
    }
  });

  it('turns white strokes on a transparent background into ink', () => {
    for (const clear of [CLEAR_BLACK, CLEAR_WHITE]) {
      const { ink, inverted } = rgbaToInk(bitmap(WHITE, clear), W, H);
      expect(inverted).toBe(false);
      const m = means(ink);
      expect(m.stroke).toBeCloseTo(1, 5);
      expect(m.paper).toBeCloseTo(0, 5);
    }
  });

  it('inverts black on white', () => {
    const { ink, inverted } = rgbaToInk(bitmap(BLACK, WHITE), W, H);
    expect(inverted).toBe(true);
    expect(at(ink, 10, 9)).toBeCloseTo(1, 5);
    expect(at(ink, 0, 0)).toBeCloseTo(0, 5);
    expect(means(ink)).toEqual({ stroke: 1, paper: 0 });
  });

  it('keeps white on black as it is', () => {
    const { ink, inverted } = rgbaToInk(bitmap(WHITE, BLACK), W, H);
    expect(inverted).toBe(false);
    expect(means(ink)).toEqual({ stroke: 1, paper: 0 });
  });

  it('handles semi-transparent stroke pixels in proportion to their opacity', () => {
    const half: RGBA = [0, 0, 0, 128];
    const { ink } = rgbaToInk(bitmap(BLACK, CLEAR_BLACK, half), W, H);
    expect(at(ink, 3, 9)).toBeCloseTo(128 / 255, 2);
    expect(at(ink, 16, 9)).toBeCloseTo(128 / 255, 2);
    expect(at(ink, 10, 9)).toBeCloseTo(1, 5);

    const faintWhite: RGBA = [255, 255, 255, 64];
    const light = rgbaToInk(bitmap(WHITE, CLEAR_WHITE, faintWhite), W, H).ink;
    expect(at(light, 3, 9)).toBeCloseTo(64 / 255, 2);
  });

  it('stretches the contrast of a grey pencil photo', () => {
    const pencil: RGBA = [118, 120, 122, 255];
    const paper: RGBA = [178, 180, 176, 255];
    const { ink, inverted } = rgbaToInk(bitmap(pencil, paper), W, H);
    expect(inverted).toBe(true);
    const m = means(ink);
    expect(m.stroke).toBeGreaterThan(0.99);
    expect(m.paper).toBeLessThan(0.01);
  });

  it('stretches the contrast of faint light ink on a dark background', () => {
    const { ink, inverted } = rgbaToInk(bitmap([90, 90, 90, 255], [30, 30, 30, 255]), W, H);
    expect(inverted).toBe(false);
    expect(means(ink)).toEqual({ stroke: 1, paper: 0 });
  });

  it('returns no ink for a blank or almost blank picture', () => {
    const blank = rgbaToInk(bitmap(WHITE, WHITE), W, H).ink;
    expect(blank.data.every((v) => v === 0)).toBe(true);
    const nearlyBlank = rgbaToInk(bitmap([250, 250, 250, 255], WHITE), W, H).ink;
    expect(nearlyBlank.data.every((v) => v === 0)).toBe(true);
    const clear = rgbaToInk(new Uint8ClampedArray(W * H * 4), W, H).ink;
    expect(clear.data.every((v) => v === 0)).toBe(true);
  });

  it('reads a dim photo of dark pencil on grey paper as dark on light', () => {
    // The paper is darker than mid-grey, yet the strokes are darker still.
    const { ink, inverted } = rgbaToInk(bitmap([20, 22, 25, 255], [100, 98, 102, 255]), W, H);
    expect(inverted).toBe(true);
    expect(means(ink)).toEqual({ stroke: 1, paper: 0 });
  });

  it('obeys a forced background', () => {
    const light = rgbaToInk(bitmap(BLACK, CLEAR_BLACK), W, H, { background: 'light' });
    expect(light.inverted).toBe(true);
    expect(means(light.ink)).toEqual({ stroke: 1, paper: 0 });
    // Forced the wrong way, the white edge is taken as the paper and nothing is brighter.
    const wrong = rgbaToInk(bitmap(BLACK, WHITE), W, H, { background: 'dark' });
    expect(wrong.inverted).toBe(false);
    expect(wrong.ink.data.every((v) => v === 0)).toBe(true);
    // Transparent pixels go on the forced background: black here, so black strokes vanish.
    const onDark = rgbaToInk(bitmap(BLACK, CLEAR_WHITE), W, H, { background: 'dark' });
    expect(onDark.ink.data.every((v) => v === 0)).toBe(true);
  });

  it('is not fooled by a speck of dust brighter than the ink', () => {
    const big = 100;
    const data = new Uint8ClampedArray(big * big * 4);
    for (let i = 0; i < big * big; i++) data.set([20, 20, 20, 255], i * 4);
    for (let r = 20; r < 80; r++) for (let c = 45; c < 55; c++) data.set([120, 120, 120, 255], (r * big + c) * 4);
    data.set([255, 255, 255, 255], (5 * big + 5) * 4); // one hot pixel
    const { ink } = rgbaToInk(data, big, big);
    expect(ink.data[50 * big + 50]).toBeGreaterThan(0.99);
    expect(ink.data[5 * big + 5]).toBe(1);
    expect(ink.data[0]).toBe(0);
  });

  it('accepts Uint8Array and checks the data length', () => {
    const pic = new Uint8Array(bitmap(WHITE, BLACK));
    expect(rgbaToInk(pic, W, H).ink.height).toBe(H);
    expect(() => rgbaToInk(pic, W + 1, H)).toThrow(RangeError);
    expect(rgbaToInk(new Uint8Array(0), 0, 0).ink.data.length).toBe(0);
  });
});
