import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingWasmKernels, registerWasmTrainingKernels, WASM_TRAINING_KERNELS } from './wasmKernels';
import { loadWasmInNode, relativeError, valuesOn } from './wasmTestSupport';

beforeAll(async () => {
  await loadWasmInNode();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Same seeds give the same numbers on every backend (tfjs draws them in JavaScript). */
function randomInputs(shape: number[], seed: number, reluLike = false): tf.Tensor {
  const values = tf.randomUniform(shape, -1, 1, 'float32', seed);
  return reluLike ? tf.relu(values) : values;
}

interface FilterCase {
  name: string;
  x: [number, number, number, number];
  filter: [number, number, number, number];
  stride: number | [number, number];
  pad: 'valid' | 'same';
}

const FILTER_CASES: FilterCase[] = [
  { name: "'valid', stride 1, 1 -> 16 channels, batch 4", x: [4, 12, 12, 1], filter: [3, 3, 1, 16], stride: 1, pad: 'valid' },
  { name: "'valid', stride 2, 3 -> 5 channels, batch 3", x: [3, 11, 11, 3], filter: [3, 3, 3, 5], stride: 2, pad: 'valid' },
  { name: "'same', stride 2 (uneven padding), 4 -> 6 channels, batch 2", x: [2, 10, 10, 4], filter: [3, 3, 4, 6], stride: 2, pad: 'same' },
  { name: "'same', stride 1, even 4x4 filter, batch 3", x: [3, 9, 9, 2], filter: [4, 4, 2, 3], stride: 1, pad: 'same' },
  { name: "'same', strides [3, 2], non-square input", x: [2, 13, 8, 3], filter: [5, 2, 3, 4], stride: [3, 2], pad: 'same' },
  { name: "'valid', stride 4, 9x9 filter", x: [2, 28, 28, 1], filter: [9, 9, 1, 8], stride: 4, pad: 'valid' },
];

function outputShape(c: FilterCase): number[] {
  const [sy, sx] = typeof c.stride === 'number' ? [c.stride, c.stride] : c.stride;
  const side = (n: number, k: number, s: number) => (c.pad === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1);
  return [c.x[0], side(c.x[1], c.filter[0], sy), side(c.x[2], c.filter[1], sx), c.filter[3]];
}

describe('the wasm training kernels', () => {
  it('registers its kernels for wasm only, idempotently', () => {
    expect(Object.keys(WASM_TRAINING_KERNELS).sort()).toEqual([tf.Conv2DBackpropFilter, tf.MaxPoolGrad].sort());
    const before = tf.getKernelsForBackend('wasm').length;
    registerWasmTrainingKernels();
    registerWasmTrainingKernels();
    expect(tf.getKernelsForBackend('wasm').length).toBe(before);
    for (const [name, kernelFunc] of Object.entries(WASM_TRAINING_KERNELS)) {
      expect(tf.getKernel(name, 'wasm')?.kernelFunc).toBe(kernelFunc);
      expect(tf.getKernel(name, 'cpu')?.kernelFunc).not.toBe(kernelFunc);
    }
  });

  it("replaces the backend's own MaxPoolGrad, which misroutes windows of negative values", async () => {
    const compute = () => {
      const x = tf.tensor4d([-5, -1, -2, -3], [1, 2, 2, 1]);
      return [tf.grad((input: tf.Tensor) => tf.maxPool(input as tf.Tensor4D, 2, 2, 'valid'))(x)];
    };
    expect([...(await valuesOn('wasm', compute))[0]]).toEqual([0, 1, 0, 0]);
    const ours = tf.getKernel(tf.MaxPoolGrad, 'wasm')!;
    tf.unregisterKernel(tf.MaxPoolGrad, 'wasm');
    // The backend's own kernel, as loading it registered it.
    const { maxPoolGradConfig } = (await import('@tensorflow/tfjs-backend-wasm/dist/kernels/MaxPoolGrad')) as { maxPoolGradConfig: tf.KernelConfig };
    tf.registerKernel(maxPoolGradConfig);
    try {
      expect([...(await valuesOn('wasm', compute))[0]]).toEqual([1, 0, 0, 0]);
    } finally {
      registerWasmTrainingKernels();
    }
    expect(tf.getKernel(tf.MaxPoolGrad, 'wasm')?.kernelFunc).toBe(ours.kernelFunc);
  });

  it('without them, the wasm backend cannot compute a filter gradient', async () => {
    tf.unregisterKernel(tf.Conv2DBackpropFilter, 'wasm');
    try {
      expect(missingWasmKernels([tf.Conv2DBackpropFilter, tf.Conv2DBackpropInput])).toEqual([tf.Conv2DBackpropFilter]);
      await tf.setBackend('wasm');
      const gradient = tf.grad((w: tf.Tensor) => tf.conv2d(tf.ones([1, 4, 4, 1]) as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid'));
      expect(() => tf.tidy(() => gradient(tf.ones([2, 2, 1, 1]) as tf.Tensor4D))).toThrow(/Conv2DBackpropFilter/);
    } finally {
      registerWasmTrainingKernels();
    }
    expect(missingWasmKernels([tf.Conv2DBackpropFilter])).toEqual([]);
  });

  it.each(FILTER_CASES)('Conv2DBackpropFilter equals the CPU backend: $name', async (c) => {
    const compute = () => {
      const x = randomInputs(c.x, 1, true);
      const dy = randomInputs(outputShape(c), 2);
      const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: c.filter };
      return [tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor];
    };
    const [cpu] = await valuesOn('cpu', compute);
    const before = tf.memory().numTensors;
    const wasmBuffers = tf.findBackend('wasm')!.numDataIds();
    const [wasm] = await valuesOn('wasm', compute);
    expect(tf.memory().numTensors).toBe(before);
    // The kernel's own scratch memory (the patch matrix) is freed too.
    expect(tf.findBackend('wasm')!.numDataIds()).toBe(wasmBuffers);
    expect(wasm.length).toBe(c.filter.reduce((a, b) => a * b));
    expect(Math.max(...cpu.map(Math.abs))).toBeGreaterThan(0.1);
    expect(relativeError(wasm, cpu)).toBeLessThan(1e-5);
  });

  it('computes the filter gradient in TypeScript alone when the backend has no matrix product', async () => {
    const c = FILTER_CASES[2];
    const compute = () => {
      const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape: c.filter };
      return [
        tf
          .engine()
          .runKernel(
            tf.Conv2DBackpropFilter,
            { x: randomInputs(c.x, 1, true), dy: randomInputs(outputShape(c), 2) },
            attrs as unknown as tf.NamedAttrMap,
          ) as tf.Tensor,
      ];
    };
    const [cpu] = await valuesOn('cpu', compute);
    const matMul = tf.getKernel(tf.BatchMatMul, 'wasm')!;
    tf.unregisterKernel(tf.BatchMatMul, 'wasm');
    try {
      const [wasm] = await valuesOn('wasm', compute);
      expect(relativeError(wasm, cpu)).toBeLessThan(1e-5);
    } finally {
      tf.registerKernel(matMul);
    }
  });

  it('refuses NCHW data with a clear message', async () => {
    await tf.setBackend('wasm');
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NCHW', filterShape: [2, 2, 1, 1] };
    const before = tf.memory().numTensors;
    expect(() =>
      tf.tidy(() =>
        tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: tf.ones([1, 1, 3, 3]), dy: tf.ones([1, 1, 2, 2]) }, attrs as unknown as tf.NamedAttrMap),
      ),
    ).toThrow('supports NHWC data only');
    expect(tf.memory().numTensors).toBe(before);
  });

  // Pooling and the other gradients training needs, checked the same way.
  const gradients: [string, (x: tf.Tensor4D) => tf.Tensor4D, number[]][] = [
    ["Conv2DBackpropInput, 'same', stride 2", (x) => tf.conv2d(x, tf.randomUniform([3, 3, 3, 4], -1, 1, 'float32', 5) as tf.Tensor4D, 2, 'same'), [3, 9, 9, 3]],
    [
      "Conv2DBackpropInput, 'valid', stride 1",
      (x) => tf.conv2d(x, tf.randomUniform([4, 4, 2, 3], -1, 1, 'float32', 6) as tf.Tensor4D, 1, 'valid'),
      [2, 10, 10, 2],
    ],
    ['MaxPoolGrad, 2x2', (x) => tf.maxPool(x, 2, 2, 'valid'), [3, 10, 10, 4]],
    ['MaxPoolGrad, 3x3 on 11x11', (x) => tf.maxPool(x, 3, 3, 'valid'), [2, 11, 11, 3]],
    ["MaxPoolGrad, 3x3 stride 2 'same'", (x) => tf.maxPool(x, 3, 2, 'same'), [2, 10, 10, 3]],
    ['AvgPoolGrad, 3x3 on 10x10', (x) => tf.avgPool(x, 3, 3, 'valid'), [2, 10, 10, 3]],
    ['min pooling (negated MaxPoolGrad), 2x2', (x) => tf.neg(tf.maxPool(tf.neg(x), 2, 2, 'valid')), [2, 9, 9, 3]],
    ['Step (ReLU gradient)', (x) => tf.relu(x), [2, 5, 5, 3]],
    ['sigmoid gradient', (x) => tf.sigmoid(x), [2, 5, 5, 3]],
    ['tanh gradient', (x) => tf.tanh(x), [2, 5, 5, 3]],
  ];
  it.each(gradients)('%s on wasm equals the CPU backend', async (_, forward, shape) => {
    const compute = () => {
      const x = randomInputs(shape, 3) as tf.Tensor4D;
      const y = forward(x);
      const dy = randomInputs(y.shape, 4);
      return [tf.grad((input: tf.Tensor) => forward(input as tf.Tensor4D))(x, dy)];
    };
    const [cpu] = await valuesOn('cpu', compute);
    const [wasm] = await valuesOn('wasm', compute);
    expect(Math.max(...cpu.map(Math.abs))).toBeGreaterThan(0.01);
    expect(relativeError(wasm, cpu)).toBeLessThan(1e-5);
  });
});
