import { describe, expect, it } from 'vitest';
import { layerShapes, DEFAULT_SPEC, type ModelSpec } from '../model/spec';
import { firstChannels, fitOverview, OVERVIEW_SIZES, type MapColumn } from './overviewLayout';

/** The layers the network view shows for a spec (every layer but flatten). */
const shown = (spec: ModelSpec) => layerShapes(spec).filter((l) => l.kind !== 'flatten');
const maps = (columns: readonly { kind: string }[]) => columns.filter((c): c is MapColumn => c.kind === 'map');

describe('fitOverview', () => {
  it('fits the default network in 940 x 420 with every channel drawn, at the largest tile that fits', () => {
    const layers = shown(DEFAULT_SPEC);
    const fit = fitOverview(layers, 940, 420);
    expect(fit.fits).toBe(true);
    expect(fit.hidden).toBe(0);
    expect(fit.columns.map((c) => c.name)).toEqual(layers.map((l) => l.name));
    expect(fit.width).toBeLessThanOrEqual(940);
    for (const c of maps(fit.columns)) {
      expect(c.shown).toBe(c.channels);
      expect(c.columns * c.rows).toBeGreaterThanOrEqual(c.channels);
      expect(c.tilesHeight).toBeLessThanOrEqual(420 + 1e-9);
      // Each tile is `tile` pixels wide: the map's width in cells times the cell size.
      expect(c.mapWidth * c.cellPx).toBeCloseTo(fit.tile);
      // Tiles at least tileGap apart, in whole cells.
      expect(c.gapCells * c.cellPx).toBeGreaterThanOrEqual(OVERVIEW_SIZES.tileGap);
    }
    // One pixel more per tile would no longer fit.
    const bigger = fitOverview(layers, fit.width - 1, 420);
    expect(bigger.tile).toBeLessThan(fit.tile);
  });

  it('adds up: the width is the input, every column and one gap a column', () => {
    const fit = fitOverview(shown(DEFAULT_SPEC), 940, 420);
    const expected = fit.inputSide + fit.columns.reduce((s, c) => s + c.width + fit.columnGap, 0);
    expect(fit.width).toBeCloseTo(expected);
  });

  it('caps the channels of a wide network and counts the rest', () => {
    const wide: ModelSpec = {
      convBlocks: [1, 2, 3, 4].map(() => ({
        filters: 128,
        kernelSize: 3,
        stride: 1,
        padding: 'same' as const,
        activation: 'relu' as const,
        pool: 'none' as const,
        poolSize: 2,
      })),
      dense: [],
    };
    const fit = fitOverview(shown(wide), 760, 200);
    expect(fit.fits).toBe(true);
    expect(fit.tile).toBe(OVERVIEW_SIZES.minTile);
    expect(fit.hidden).toBeGreaterThan(0);
    for (const c of maps(fit.columns)) {
      expect(c.shown + c.more).toBe(128);
      expect(c.shown).toBeLessThan(128);
      expect(c.shown).toBeLessThanOrEqual(c.columns * c.rows);
    }
    expect(fit.hidden).toBe(maps(fit.columns).reduce((s, c) => s + c.more, 0));
  });

  it('draws a network without dense layers, and vectors as strips that fit the height', () => {
    const spec: ModelSpec = { convBlocks: [DEFAULT_SPEC.convBlocks[0]], dense: [{ units: 1024, activation: 'relu', dropout: 0 }] };
    const fit = fitOverview(shown(spec), 940, 400);
    const dense = fit.columns.find((c) => c.name === 'dense1')!;
    expect(dense.kind).toBe('vector');
    if (dense.kind !== 'vector') return;
    expect(dense.columns * dense.rows).toBeGreaterThanOrEqual(1024);
    expect(dense.tilesHeight).toBeLessThanOrEqual(400);
    const softmax = fit.columns.find((c) => c.name === 'softmax')!;
    expect(softmax.kind).toBe('softmax');
    expect(softmax.tilesHeight).toBeLessThanOrEqual(400);
    const noDense = fitOverview(shown({ convBlocks: DEFAULT_SPEC.convBlocks, dense: [] }), 940, 400);
    expect(noDense.columns.map((c) => c.name)).toEqual(['conv1', 'conv1_relu', 'pool1', 'conv2', 'conv2_relu', 'pool2', 'logits', 'softmax']);
  });

  it('fits the deepest network the editor allows into 940 pixels by narrowing the columns', () => {
    const block = { filters: 128, kernelSize: 1, stride: 1, padding: 'same' as const, activation: 'relu' as const, pool: 'max' as const, poolSize: 2 };
    const dense = { units: 1024, activation: 'relu' as const, dropout: 0.5 };
    const deepest: ModelSpec = { convBlocks: [block, block, block, block], dense: [dense, dense, dense] };
    const layers = shown(deepest);
    expect(layers.length).toBe(23);
    const fit = fitOverview(layers, 940, 420);
    expect(fit.fits).toBe(true);
    expect(fit.width).toBeLessThanOrEqual(940);
    for (const c of fit.columns) if (c.kind !== 'softmax') expect(c.width).toBeGreaterThanOrEqual(OVERVIEW_SIZES.narrowColumn);
  });

  it('copes with no feature map at all and refuses an empty box', () => {
    const fit = fitOverview(
      [
        { name: 'logits', shape: [10] },
        { name: 'softmax', shape: [10] },
      ],
      500,
      300,
    );
    expect(fit.tile).toBe(0);
    expect(fit.fits).toBe(true);
    expect(() => fitOverview([], 0, 300)).toThrow(RangeError);
  });
});

describe('firstChannels', () => {
  it('keeps the first channels of an HWC map in order', () => {
    // 1 x 2 map, 3 channels: value = 10 * pixel + channel.
    const data = Float32Array.from([0, 1, 2, 10, 11, 12]);
    expect([...firstChannels(data, 1, 2, 3, 2)]).toEqual([0, 1, 10, 11]);
    expect(firstChannels(data, 1, 2, 3, 3)).toBe(data);
    expect(() => firstChannels(data, 2, 2, 3, 1)).toThrow(RangeError);
  });
});
