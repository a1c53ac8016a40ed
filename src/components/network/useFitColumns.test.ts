import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, fitColumns } from './useFitColumns';

describe('fitColumns', () => {
  it('fits as many channels as the width holds, gaps between them only', () => {
    // 26-cell maps, 2-cell gaps, 3 px a cell: a channel is 78 px, a gap 6 px.
    expect(fitColumns(78, 26, 2, 3, 16)).toBe(1);
    expect(fitColumns(78 * 2 + 6 - 1, 26, 2, 3, 16)).toBe(1);
    expect(fitColumns(78 * 2 + 6, 26, 2, 3, 16)).toBe(2);
    expect(fitColumns(78 * 5 + 6 * 4, 26, 2, 3, 16)).toBe(5);
  });

  it('never more than the channels, never fewer than one', () => {
    expect(fitColumns(10_000, 26, 2, 3, 16)).toBe(16);
    expect(fitColumns(10, 26, 2, 3, 16)).toBe(1);
  });

  it('keeps the default until the width is known', () => {
    expect(fitColumns(0, 26, 2, 3, 16)).toBe(DEFAULT_COLUMNS);
    expect(fitColumns(0, 26, 2, 3, 4)).toBe(4);
  });
});
