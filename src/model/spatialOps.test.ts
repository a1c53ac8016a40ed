import { describe, expect, it } from 'vitest';
import { traceReceptiveField } from '../core/receptiveField';
import { DEFAULT_SPEC, layerShapes, type ModelSpec } from './spec';
import { spatialLayers, traceLayerCell } from './spatialOps';

const OTHER: ModelSpec = {
  convBlocks: [
    { filters: 4, kernelSize: 5, stride: 1, padding: 'same', activation: 'sigmoid', pool: 'min', poolSize: 2 },
    { filters: 3, kernelSize: 3, stride: 2, padding: 'valid', activation: 'tanh', pool: 'none', poolSize: 2 },
    { filters: 3, kernelSize: 4, stride: 3, padding: 'same', activation: 'relu', pool: 'average', poolSize: 2 },
  ],
  dense: [],
};

describe('spatialLayers', () => {
  it('lists every feature-map layer of the spec with the side layerShapes gives', () => {
    for (const spec of [DEFAULT_SPEC, OTHER]) {
      const maps = layerShapes(spec).filter((l) => l.shape.length === 3);
      expect(spatialLayers(spec).map((l) => [l.name, l.side])).toEqual(maps.map((l) => [l.name, l.shape[0]]));
    }
  });

  it('gives the default network its known receptive fields: pool2 sees 10 x 10 input pixels', () => {
    const ops = spatialLayers(DEFAULT_SPEC).map((l) => l.op);
    const [input] = traceReceptiveField(28, 28, ops, 4, 4);
    expect([input.rows.first, input.rows.last]).toEqual([16, 25]);
  });
});

describe('traceLayerCell', () => {
  it('traces a named layer through the chain before it, input first and the cell itself last', () => {
    const chain = spatialLayers(DEFAULT_SPEC);
    const traced = traceLayerCell(chain, 'conv2', 4, 6)!;
    expect(traced.depth).toBe(4);
    expect(traced.regions).toHaveLength(5);
    // conv2 (3x3) reads pool1 rows 4-6, which read conv1 rows 8-13, which read input rows 8-15.
    expect([traced.regions[0].rows.first, traced.regions[0].rows.last]).toEqual([8, 15]);
    expect([traced.regions[0].cols.first, traced.regions[0].cols.last]).toEqual([12, 19]);
    expect(traced.regions[4].rows.indices).toEqual([4]);
    expect(traced.regions).toEqual(
      traceReceptiveField(
        28,
        28,
        chain.slice(0, 4).map((l) => l.op),
        4,
        6,
      ),
    );
  });

  it('clips at the input edge for "same" padding and refuses unknown layers and cells outside the map', () => {
    const chain = spatialLayers(OTHER);
    const [input] = traceLayerCell(chain, 'conv1', 0, 0)!.regions;
    expect([input.rows.first, input.rows.last, input.rows.padBefore]).toEqual([0, 2, 2]);
    expect(traceLayerCell(chain, 'conv1', 28, 0)).toBeNull();
    expect(traceLayerCell(chain, 'conv1', -1, 0)).toBeNull();
    expect(traceLayerCell(chain, 'dense1', 0, 0)).toBeNull();
  });
});
