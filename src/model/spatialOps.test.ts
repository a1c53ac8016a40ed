import { describe, expect, it } from 'vitest';
import { traceReceptiveField } from '../core/receptiveField';
import { DEFAULT_SPEC, layerShapes, type ModelSpec } from './spec';
import { spatialLayers } from './spatialOps';

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
