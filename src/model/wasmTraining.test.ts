import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchImages } from '../core/batch';
import { readMnist } from '../data/node';
import { buildModel } from './build';
import { logitsModelOf } from './evaluate';
import { createOptimizer } from './optimizer';
import { DEFAULT_SPEC, validateSpec, type Activation, type ConvBlockSpec, type ModelSpec, type Padding, type Pooling } from './spec';
import { pickDigits } from './trainingData';
import { dispatchStep, readStep } from './trainStep';
import { missingWasmKernels } from './wasmKernels';
import { loadWasmInNode, relativeError } from './wasmTestSupport';

beforeAll(async () => {
  await loadWasmInNode();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

const mnist = readMnist();
const BATCH = 4;
const digits = pickDigits(
  mnist,
  Int32Array.from({ length: BATCH }, (_, i) => mnist.classStart[(i * 3) % 10] + i),
);
/** The batch's images as the model takes them: grey levels in [0, 1]. */
const images = batchImages(digits, [0, 1, 2, 3], 0, BATCH, null);
const labels = Int32Array.from(digits.labels);

/** Every activation, pooling and padding the editor offers, with strides, kernel and pool sizes varied along. */
function editorArchitectures(): [string, ModelSpec][] {
  const activations: Activation[] = ['relu', 'sigmoid', 'tanh'];
  const pools: Pooling[] = ['max', 'average', 'min', 'none'];
  const paddings: Padding[] = ['valid', 'same'];
  const specs: [string, ModelSpec][] = [
    ['the default network without dropout', { ...DEFAULT_SPEC, dense: DEFAULT_SPEC.dense.map((d) => ({ ...d, dropout: 0 })) }],
  ];
  let i = 0;
  for (const activation of activations)
    for (const pool of pools)
      for (const padding of paddings) {
        i++;
        const first: ConvBlockSpec = { filters: 3, kernelSize: [3, 5, 2, 1][i % 4], stride: (i % 3) + 1, padding, activation, pool, poolSize: 2 };
        const second: ConvBlockSpec = { filters: 4, kernelSize: 3, stride: 1, padding, activation, pool, poolSize: i % 2 ? 2 : 3 };
        const dense = Array.from({ length: i % 3 }, (_, d) => ({ units: 6 + d, activation, dropout: 0 }));
        const spec: ModelSpec = { convBlocks: i % 4 === 3 ? [first] : [first, second], dense };
        if (!validateSpec(spec).ok) throw new Error(`The test's architecture ${i} is invalid: ${JSON.stringify(spec)}`);
        const label = `${activation}, ${pool} pooling, '${padding}', stride ${first.stride}, ${first.kernelSize}x${first.kernelSize}, ${spec.convBlocks.length} block(s), ${dense.length} dense`;
        specs.push([label, spec]);
      }
  specs.push([
    'a 9x9 kernel with stride 4',
    { convBlocks: [{ filters: 5, kernelSize: 9, stride: 4, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }], dense: [] },
  ]);
  return specs;
}

/** The gradient of every trainable weight for one batch, on `backend`, in the model's order. */
async function gradientsOn(backend: string, spec: ModelSpec): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const model = buildModel(spec, { seed: 7 });
  const logitsModel = logitsModelOf(model);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  try {
    const grads = tf.tidy(() => {
      const xs = tf.tensor4d(images, [BATCH, 28, 28, 1]);
      const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat();
      const { grads } = tf.variableGrads(
        () => tf.losses.softmaxCrossEntropy(ys, logitsModel.apply(xs, { training: true }) as tf.Tensor) as tf.Scalar,
        variables,
      );
      return variables.map((v) => grads[v.name]);
    });
    const values = grads.map((g) => Float32Array.from(g.dataSync()));
    tf.dispose(grads);
    return values;
  } finally {
    model.dispose();
  }
}

describe('training on the wasm backend', () => {
  it.each(editorArchitectures())('gives the CPU backend’s gradients: %s', async (_, spec) => {
    const cpu = await gradientsOn('cpu', spec);
    const before = tf.memory().numTensors;
    const wasm = await gradientsOn('wasm', spec);
    expect(tf.memory().numTensors).toBe(before);
    expect(wasm.length).toBe(cpu.length);
    const errors = cpu.map((expected, i) => relativeError(wasm[i], expected));
    expect(Math.max(...errors)).toBeLessThan(1e-3);
    // The comparison means something: the gradients are not all zeros.
    expect(Math.max(...cpu.map((g) => Math.max(...g.map(Math.abs))))).toBeGreaterThan(0);
  });

  it('uses no kernel the wasm backend lacks, in any architecture, under every optimiser', async () => {
    await tf.setBackend('cpu');
    const used = new Set<string>();
    const specs = [...editorArchitectures().map(([, spec]) => spec), DEFAULT_SPEC];
    for (const [index, spec] of specs.entries()) {
      const optimizerName = (['adam', 'sgd', 'rmsprop'] as const)[index % 3];
      const info = await tf.profile(async () => {
        const model = buildModel(spec, { seed: 1 });
        const optimizer = createOptimizer(optimizerName, 0.01);
        const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
        await readStep(dispatchStep(logitsModelOf(model), optimizer, variables, images, labels, null), (p) => p);
        model.dispose();
        optimizer.dispose();
      });
      // The profile also names the ops that group kernels (`fusedConv2d__op`); those are not kernels.
      for (const name of info.kernelNames) if (!name.endsWith('__op')) used.add(name);
    }
    expect(used).toContain(tf.Conv2DBackpropFilter);
    expect(used).toContain(tf.MaxPoolGrad);
    expect(missingWasmKernels(used)).toEqual([]);
  });

  it('trains the default network, dropout included, with no tensor left behind', async () => {
    await tf.setBackend('wasm');
    const model = buildModel(DEFAULT_SPEC, { seed: 3 });
    const before = tf.memory().numTensors;
    const optimizer = createOptimizer('adam', 0.003);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const logitsModel = logitsModelOf(model);
    const losses: number[] = [];
    for (let step = 0; step < 15; step++) {
      const result = await readStep(dispatchStep(logitsModel, optimizer, variables, images, labels, null), (p) => p);
      losses.push(result.loss);
    }
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] / 2);
  });
});
