import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/build';
import { DEFAULT_SPEC, type ModelSpec } from '../model/spec';
import { trialSpec } from './trialWork';

describe('the trial’s network', () => {
  it('is the run’s own network, read back from the topology the page sends', async () => {
    await tf.setBackend('cpu');
    const spec: ModelSpec = {
      convBlocks: [{ filters: 6, kernelSize: 5, stride: 1, padding: 'same', activation: 'tanh', pool: 'min', poolSize: 2 }],
      dense: [{ units: 24, activation: 'relu', dropout: 0.5 }],
    };
    const model = buildModel(spec, { seed: 1 });
    expect(trialSpec(model.toJSON(null, false))).toEqual(spec);
    model.dispose();
  });

  it('is the default network when the topology is not one ConvLens reads', () => {
    expect(trialSpec({ class_name: 'Sequential', config: { layers: [] } })).toEqual(DEFAULT_SPEC);
    expect(trialSpec(null)).toEqual(DEFAULT_SPEC);
  });
});
