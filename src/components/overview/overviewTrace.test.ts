import { describe, expect, it } from 'vitest';
import { spatialLayers } from '../../model/spatialOps';
import { DEFAULT_SPEC, type ModelSpec } from '../../model/spec';
import { regionCells, traceOverviewCell } from './overviewTrace';

describe('traceOverviewCell', () => {
  const chain = spatialLayers(DEFAULT_SPEC);

  it('a conv1 cell reads a 3 x 3 patch of the input, which is also its receptive field', () => {
    const t = traceOverviewCell(chain, { layer: 'conv1', channel: 4, row: 10, col: 7 })!;
    expect(t.previous).toBe('input');
    expect(t.everyChannel).toBe(true);
    expect([t.depends.rows.first, t.depends.rows.last, t.depends.cols.first, t.depends.cols.last]).toEqual([10, 12, 7, 9]);
    expect(regionCells(t.input)).toBe(9);
  });

  it('a pool1 cell reads 2 x 2 cells of its own channel; a conv2 cell 3 x 3 of every channel, 8 x 8 input pixels', () => {
    const pool = traceOverviewCell(chain, { layer: 'pool1', channel: 2, row: 3, col: 5 })!;
    expect(pool.previous).toBe('conv1_relu');
    expect(pool.everyChannel).toBe(false);
    expect(regionCells(pool.depends)).toBe(4);
    expect([pool.depends.rows.first, pool.depends.cols.first]).toEqual([6, 10]);
    // 2 x 2 window over conv1 cells, each 3 x 3: 4 x 4 input pixels.
    expect(regionCells(pool.input)).toBe(16);

    const conv2 = traceOverviewCell(chain, { layer: 'conv2', channel: 0, row: 4, col: 4 })!;
    expect(conv2.previous).toBe('pool1');
    expect(conv2.everyChannel).toBe(true);
    expect(regionCells(conv2.depends)).toBe(9);
    // 3 pool1 cells span 6 conv1 cells, each 3 wide: 8 input pixels a side, from row 8.
    expect([conv2.input.rows.first, conv2.input.rows.last]).toEqual([8, 15]);
    expect(regionCells(conv2.input)).toBe(64);
    // pool2 adds a 2 x 2 window: 2 conv2 cells, 4 pool1 cells, 8 conv1 cells, 10 input pixels.
    const pool2 = traceOverviewCell(chain, { layer: 'pool2', channel: 0, row: 2, col: 2 })!;
    expect(pool2.input.rows.last - pool2.input.rows.first + 1).toBe(10);
  });

  it('clips at a same-padded border, and refuses cells and layers that are not there', () => {
    const spec: ModelSpec = { convBlocks: [{ ...DEFAULT_SPEC.convBlocks[0], kernelSize: 5, padding: 'same' }], dense: [] };
    const c = spatialLayers(spec);
    const t = traceOverviewCell(c, { layer: 'conv1', channel: 0, row: 0, col: 0 })!;
    // A 5 x 5 window at the corner, two rows and columns of it in the zero padding.
    expect(regionCells(t.depends)).toBe(9);
    expect(t.depends.rows.padBefore).toBe(2);
    expect(traceOverviewCell(c, { layer: 'conv1', channel: 0, row: 28, col: 0 })).toBeNull();
    expect(traceOverviewCell(c, { layer: 'dense1', channel: 0, row: 0, col: 0 })).toBeNull();
  });
});
