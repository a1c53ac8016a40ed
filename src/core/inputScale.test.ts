import { describe, it, expect } from 'vitest';
import { createGrid, gridFromRows, gridToRows } from './grid';
import { scaleInput } from './inputScale';

describe('scaleInput', () => {
  const image = gridFromRows([
    [0, 0.004, 0.498],
    [0.5, 0.502, 1],
  ]);

  it('grey255 rounds grey * 255 to whole numbers', () => {
    expect(gridToRows(scaleInput(image, { kind: 'grey255' }))).toEqual([
      [0, 1, 127],
      [128, 128, 255],
    ]);
  });

  it("grey255 recovers every byte from the mnist package's 3-decimal grey levels", () => {
    const bytes = Array.from({ length: 256 }, (_, k) => k);
    const stored = Float32Array.from(bytes.map((k) => Number((k / 255).toFixed(3))));
    const scaled = scaleInput(createGrid(16, 16, stored), { kind: 'grey255' });
    expect(Array.from(scaled.data)).toEqual(bytes);
  });

  it('grey01 keeps the values, in a new array', () => {
    const scaled = scaleInput(image, { kind: 'grey01' });
    expect(scaled.data).toEqual(image.data);
    expect(scaled.data).not.toBe(image.data);
    scaled.data[0] = 9;
    expect(image.data[0]).toBe(0);
  });

  it('binary gives 1 where grey >= cutoff (the cutoff itself included)', () => {
    expect(gridToRows(scaleInput(image, { kind: 'binary', cutoff: 0.5 }))).toEqual([
      [0, 0, 0],
      [1, 1, 1],
    ]);
    expect(gridToRows(scaleInput(image, { kind: 'binary', cutoff: 0.004 }))).toEqual([
      [0, 1, 1],
      [1, 1, 1],
    ]);
    expect(gridToRows(scaleInput(image, { kind: 'binary', cutoff: 1.5 }))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('keeps the shape', () => {
    const scaled = scaleInput(image, { kind: 'binary', cutoff: 0.5 });
    expect([scaled.height, scaled.width]).toEqual([2, 3]);
  });
});
