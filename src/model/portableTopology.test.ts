/**
 * Min pooling written with built-in layers in model files (expandMinPooling) and read back
 * (collapseMinPooling), on topologies tfjs itself wrote for ConvLens models.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from './build';
import { serialiseModel } from './io';
import { minPooling2d } from './minPooling';
import { collapseMinPooling, expandMinPooling, topologyLayers } from './portableTopology';
import { layerShapes, type ModelSpec } from './spec';
import { specFromTopology } from './topology';

type Layer = { name?: string; class_name: string; config: Record<string, unknown>; inbound_nodes?: unknown[] };

const MODEL_JSON = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'models', 'default', 'model.json');

const MIN_SPEC: ModelSpec = {
  convBlocks: [
    { filters: 3, kernelSize: 3, stride: 1, padding: 'same', activation: 'relu', pool: 'min', poolSize: 2 },
    { filters: 4, kernelSize: 3, stride: 1, padding: 'valid', activation: 'tanh', pool: 'max', poolSize: 3 },
    { filters: 2, kernelSize: 3, stride: 1, padding: 'same', activation: 'sigmoid', pool: 'min', poolSize: 2 },
  ],
  dense: [{ units: 8, activation: 'relu', dropout: 0.25 }],
};

/** The topology tfjs writes for the model of `spec`. */
async function topologyOf(spec: ModelSpec): Promise<unknown> {
  const model = buildModel(spec, { seed: 1 });
  try {
    return (await serialiseModel(model)).modelJson.modelTopology;
  } finally {
    model.dispose();
  }
}

const layersOf = (topology: unknown) => topologyLayers(topology) as Layer[];
const classes = (topology: unknown) => layersOf(topology).map((l) => l.class_name);
const find = (topology: unknown, name: string) => layersOf(topology).find((l) => l.config.name === name)!;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('expandMinPooling', () => {
  it('writes each min pooling as Rescaling(-1) -> MaxPooling2D -> Rescaling(-1), named after it and wired in order', async () => {
    const topology = await topologyOf(MIN_SPEC);
    const portable = expandMinPooling(topology);
    expect(JSON.stringify(portable)).not.toContain('MinPooling2D');
    expect(classes(portable)).toEqual([
      'InputLayer',
      'Conv2D',
      'Activation',
      'Rescaling',
      'MaxPooling2D',
      'Rescaling',
      'Conv2D',
      'Activation',
      'MaxPooling2D',
      'Conv2D',
      'Activation',
      'Rescaling',
      'MaxPooling2D',
      'Rescaling',
      'Flatten',
      'Dense',
      'Activation',
      'Dropout',
      'Dense',
      'Activation',
    ]);
    expect(find(portable, 'pool1_negated')).toMatchObject({
      name: 'pool1_negated',
      config: { scale: -1, offset: 0 },
      inbound_nodes: [[['conv1_relu', 0, 0, {}]]],
    });
    expect(find(portable, 'pool1_max_of_negated')).toMatchObject({
      config: { pool_size: [2, 2], strides: [2, 2], padding: 'valid', data_format: 'channels_last' },
      inbound_nodes: [[['pool1_negated', 0, 0, {}]]],
    });
    expect(find(portable, 'pool1')).toMatchObject({
      class_name: 'Rescaling',
      config: { scale: -1, offset: 0 },
      inbound_nodes: [[['pool1_max_of_negated', 0, 0, {}]]],
    });
    // The layers after a min pooling still read the layer of that name.
    expect(find(portable, 'conv2').inbound_nodes).toEqual([[['pool1', 0, 0, {}]]]);
    expect(find(portable, 'flatten').inbound_nodes).toEqual([[['pool3', 0, 0, {}]]]);
    // Nothing changed in place.
    expect(classes(topology)).toContain('MinPooling2D');
  });

  it('gives the expanded topology that plain tfjs builds into the same shapes', async () => {
    const portable = expandMinPooling(await topologyOf(MIN_SPEC)) as tf.io.ModelJSON['modelTopology'];
    const model = await tf.models.modelFromJSON({ modelTopology: portable });
    expect(model.getLayer('pool1').getClassName()).toBe('Rescaling');
    for (const info of layerShapes(MIN_SPEC).filter((l) => l.kind === 'pool')) expect(model.getLayer(info.name).outputShape).toEqual([null, ...info.shape]);
    expect(model.outputs[0].shape).toEqual([null, 10]);
    model.dispose();
  });

  it('picks unused names when the obvious ones are taken', async () => {
    const topology = structuredClone(await topologyOf(MIN_SPEC)) as { config: { layers: Layer[] } };
    // Call the second convolution "pool1_negated" (and point its reader there).
    const conv2 = topology.config.layers.find((l) => l.name === 'conv2')!;
    conv2.name = 'pool1_negated';
    conv2.config.name = 'pool1_negated';
    topology.config.layers.find((l) => l.name === 'conv2_tanh')!.inbound_nodes = [[['pool1_negated', 0, 0, {}]]];
    const portable = expandMinPooling(topology);
    const names = layersOf(portable).map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    expect(find(portable, 'pool1_negated_2').inbound_nodes).toEqual([[['conv1_relu', 0, 0, {}]]]);
    expect(collapseMinPooling(portable)).toEqual(topology);
  });

  it('returns a topology without min pooling as it is', async () => {
    const shipped = JSON.parse(readFileSync(MODEL_JSON, 'utf8')).modelTopology;
    expect(expandMinPooling(shipped)).toBe(shipped);
    expect(expandMinPooling({})).toEqual({});
  });

  it('refuses, saying why, a min-pooling layer applied twice', async () => {
    const topology = structuredClone(await topologyOf(MIN_SPEC)) as { config: { layers: Layer[] } };
    topology.config.layers.find((l) => l.name === 'pool1')!.inbound_nodes = [[['conv1_relu', 0, 0, {}]], [['conv2_tanh', 0, 0, {}]]];
    expect(() => expandMinPooling(topology)).toThrow(/pool1 is applied 2 times/);
  });
});

describe('collapseMinPooling', () => {
  it('folds the triple back into the exact MinPooling2D layers tfjs wrote', async () => {
    for (const spec of [MIN_SPEC, { convBlocks: [{ ...MIN_SPEC.convBlocks[0], poolSize: 3 }], dense: [] }]) {
      const topology = await topologyOf(spec);
      const back = collapseMinPooling(expandMinPooling(topology));
      expect(back).toEqual(topology);
      expect(specFromTopology(expandMinPooling(topology))).toEqual({ ok: true, value: spec });
    }
  });

  it('returns a topology without the triple as it is', async () => {
    const shipped = JSON.parse(readFileSync(MODEL_JSON, 'utf8')).modelTopology;
    expect(collapseMinPooling(shipped)).toBe(shipped);
    const own = await topologyOf(MIN_SPEC);
    expect(collapseMinPooling(own)).toBe(own);
    expect(collapseMinPooling('not a topology')).toBe('not a topology');
  });

  it('reads a Sequential model written with the triple', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 2, kernelSize: 3, name: 'c' }),
        tf.layers.activation({ activation: 'relu', name: 'c_relu' }),
        minPooling2d({ poolSize: 2, name: 'p' }),
        tf.layers.flatten({ name: 'f' }),
        tf.layers.dense({ units: 10, name: 'logits' }),
        tf.layers.activation({ activation: 'softmax', name: 'softmax' }),
      ],
    });
    const topology = model.toJSON(null, false);
    model.dispose();
    const portable = expandMinPooling(topology);
    expect(classes(portable)).toEqual(['Conv2D', 'Activation', 'Rescaling', 'MaxPooling2D', 'Rescaling', 'Flatten', 'Dense', 'Activation']);
    expect(layersOf(portable)[2].config.batch_input_shape).toBeUndefined();
    expect(collapseMinPooling(portable)).toEqual(topology);
    const spec = specFromTopology(portable);
    expect(spec.ok && spec.value.convBlocks[0].pool).toBe('min');
  });

  it('leaves near misses alone, so they are refused as the layers they are', async () => {
    const portable = expandMinPooling(await topologyOf(MIN_SPEC)) as { config: { layers: Layer[]; output_layers: unknown[] } };
    const variants: [string, (t: typeof portable) => void][] = [
      ['scale -2', (t) => (t.config.layers.find((l) => l.name === 'pool1')!.config.scale = -2)],
      ['an offset', (t) => (t.config.layers.find((l) => l.name === 'pool1_negated')!.config.offset = 0.5)],
      ['average pooling between', (t) => (t.config.layers.find((l) => l.name === 'pool1_max_of_negated')!.class_name = 'AveragePooling2D')],
      ['channels first', (t) => (t.config.layers.find((l) => l.name === 'pool1_max_of_negated')!.config.data_format = 'channels_first')],
      ['the negated map also an output', (t) => t.config.output_layers.push(['pool1_negated', 0, 0])],
      [
        'the max pooling reading another layer',
        (t) => (t.config.layers.find((l) => l.name === 'pool1_max_of_negated')!.inbound_nodes = [[['conv1_relu', 0, 0, {}]]]),
      ],
    ];
    for (const [what, change] of variants) {
      const copy = structuredClone(portable);
      change(copy);
      const collapsed = collapseMinPooling(copy);
      expect(
        classes(collapsed).filter((c) => c === 'MinPooling2D'),
        what,
      ).toHaveLength(1);
      const spec = specFromTopology(copy);
      expect(spec.ok ? 'accepted' : spec.error.code, what).toBe('unsupported-layer');
    }
  });
});
