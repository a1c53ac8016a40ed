import * as tf from '@tensorflow/tfjs';
import { minPooling2d } from './minPooling';
import { INPUT_SIDE, NUM_CLASSES, assertValidSpec, type Activation, type ModelSpec } from './spec';

/** Options of {@link buildModel}. */
export interface BuildOptions {
  /**
   * Seed of the weight initialisers (each layer gets `seed + its position`), so the same
   * spec and seed give the same starting weights on every backend. Omit for random weights.
   */
  seed?: number;
}

/** What a layer seed of 0 becomes (a number no other layer seed of a run near 0 reaches). */
const ZERO_SEED = 0x7fffffff;

/** He initialisation suits ReLU; Glorot suits the saturating sigmoid and tanh. */
function kernelInitializer(activation: Activation | 'linear', seed: number | undefined) {
  return activation === 'relu' ? tf.initializers.heNormal({ seed }) : tf.initializers.glorotUniform({ seed });
}

function poolingLayer(kind: 'max' | 'average' | 'min', poolSize: number, name: string): tf.layers.Layer {
  const args = { poolSize, strides: poolSize, padding: 'valid' as const, name };
  if (kind === 'max') return tf.layers.maxPooling2d(args);
  if (kind === 'average') return tf.layers.averagePooling2d(args);
  return minPooling2d(args);
}

/**
 * Builds the tfjs model of a spec (throws an Error with the validation message when the
 * spec is invalid). Input: [N, 28, 28, 1] float32 grey levels in [0, 1], NHWC. Output:
 * [N, 10] class probabilities. Layers carry the names and order of `layerShapes(spec)`:
 * each convolution and dense layer is linear (`conv1`, `dense1`) and followed by its own
 * activation layer (`conv1_relu`, `dense1_relu`), so the values before and after the
 * non-linearity are both layer outputs; the last two layers are `logits` (linear, 10
 * units) and `softmax`. The model is not compiled: `train.ts` trains it with its own loop.
 * Only min pooling needs ConvLens code to load; every other layer is built into tfjs.
 */
export function buildModel(spec: ModelSpec, options: BuildOptions = {}): tf.LayersModel {
  assertValidSpec(spec);
  let position = 0;
  const nextSeed = () => {
    if (options.seed === undefined) return undefined;
    const seed = options.seed + position++;
    // tfjs takes a seed of 0 for no seed at all (random weights), so 0 becomes another number.
    return seed === 0 ? ZERO_SEED : seed;
  };
  const input = tf.input({ shape: [INPUT_SIDE, INPUT_SIDE, 1], name: 'input' });
  let x = input;
  const apply = (layer: tf.layers.Layer) => {
    x = layer.apply(x) as tf.SymbolicTensor;
  };

  spec.convBlocks.forEach((block, b) => {
    const n = b + 1;
    apply(
      tf.layers.conv2d({
        name: `conv${n}`,
        filters: block.filters,
        kernelSize: block.kernelSize,
        strides: block.stride,
        padding: block.padding,
        kernelInitializer: kernelInitializer(block.activation, nextSeed()),
        biasInitializer: 'zeros',
      }),
    );
    apply(tf.layers.activation({ name: `conv${n}_${block.activation}`, activation: block.activation }));
    if (block.pool !== 'none') apply(poolingLayer(block.pool, block.poolSize, `pool${n}`));
  });

  apply(tf.layers.flatten({ name: 'flatten' }));
  spec.dense.forEach((layer, d) => {
    const n = d + 1;
    apply(tf.layers.dense({ name: `dense${n}`, units: layer.units, kernelInitializer: kernelInitializer(layer.activation, nextSeed()) }));
    apply(tf.layers.activation({ name: `dense${n}_${layer.activation}`, activation: layer.activation }));
    // No seed here on purpose: a seeded tfjs dropout draws the same mask at every step, so
    // trainModel gives it a fresh seed from the run's seed at each step instead.
    if (layer.dropout > 0) apply(tf.layers.dropout({ name: `dropout${n}`, rate: layer.dropout }));
  });
  apply(tf.layers.dense({ name: 'logits', units: NUM_CLASSES, kernelInitializer: kernelInitializer('linear', nextSeed()) }));
  apply(tf.layers.activation({ name: 'softmax', activation: 'softmax' }));
  return tf.model({ inputs: input, outputs: x, name: 'convlens' });
}
