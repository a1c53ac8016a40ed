import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from './build';
import { deserialiseModel, serialiseModel } from './io';
import { MinPooling2D, minPooling2d } from './minPooling';
import { createRandom } from './random';
import type { ModelSpec } from './spec';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Naive NHWC min pooling in plain JS; 'same' windows ignore cells outside the map (as tfjs does). */
function naiveMinPool(x: Float32Array, [n, h, w, c]: number[], size: number, stride: number, padding: 'valid' | 'same') {
  const outH = padding === 'same' ? Math.ceil(h / stride) : Math.floor((h - size) / stride) + 1;
  const outW = padding === 'same' ? Math.ceil(w / stride) : Math.floor((w - size) / stride) + 1;
  const padTop = padding === 'same' ? Math.floor(Math.max(0, (outH - 1) * stride + size - h) / 2) : 0;
  const padLeft = padding === 'same' ? Math.floor(Math.max(0, (outW - 1) * stride + size - w) / 2) : 0;
  const out = new Float32Array(n * outH * outW * c);
  for (let b = 0; b < n; b++) {
    for (let r = 0; r < outH; r++) {
      for (let col = 0; col < outW; col++) {
        for (let ch = 0; ch < c; ch++) {
          let min = Infinity;
          for (let dr = 0; dr < size; dr++) {
            for (let dc = 0; dc < size; dc++) {
              const y = r * stride + dr - padTop;
              const xx = col * stride + dc - padLeft;
              if (y >= 0 && y < h && xx >= 0 && xx < w) min = Math.min(min, x[((b * h + y) * w + xx) * c + ch]);
            }
          }
          out[((b * outH + r) * outW + col) * c + ch] = min;
        }
      }
    }
  }
  return { out, shape: [n, outH, outW, c] };
}

/** Distinct values (a shuffled ramp), so no window has a tie and gradients are well defined. */
function distinctValues(count: number, seed: number): Float32Array {
  const rng = createRandom(seed);
  const values = Float32Array.from({ length: count }, (_, i) => (i - count / 2) * 0.1);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [values[i], values[j]] = [values[j], values[i]];
  }
  return values;
}

describe('MinPooling2D', () => {
  it('keeps an explicit, registered class name', () => {
    expect(MinPooling2D.className).toBe('MinPooling2D');
    expect(minPooling2d().getClassName()).toBe('MinPooling2D');
  });

  it.each<[number, number, 'valid' | 'same', number[]]>([
    [2, 2, 'valid', [2, 6, 6, 3]],
    [2, 2, 'valid', [1, 7, 5, 2]],
    [3, 1, 'valid', [1, 5, 5, 2]],
    [3, 2, 'same', [2, 7, 6, 2]],
  ])('computes the minimum of each window (size %i, stride %i, %s, input %j)', (size, stride, padding, shape) => {
    const count = shape.reduce((a, b) => a * b, 1);
    const x = Float32Array.from({ length: count }, (_, i) => Math.sin(i * 12.9898) * 4);
    const layer = minPooling2d({ poolSize: size, strides: stride, padding });
    const result = layer.apply(tf.tensor(x, shape)) as tf.Tensor;
    const expected = naiveMinPool(x, shape, size, stride, padding);
    expect(result.shape).toEqual(expected.shape);
    expect(Array.from(result.dataSync())).toEqual(Array.from(expected.out));
    expect(layer.computeOutputShape([null, ...shape.slice(1)])).toEqual([null, ...expected.shape.slice(1)]);
    tf.dispose(result);
  });

  it.each<[number, number, 'valid' | 'same', number[]]>([
    [2, 2, 'valid', [2, 6, 6, 3]],
    [2, 2, 'valid', [1, 7, 5, 2]],
    [3, 3, 'valid', [1, 13, 13, 4]],
    [3, 2, 'same', [2, 7, 6, 2]],
    [2, 2, 'same', [1, 5, 7, 3]],
    [3, 1, 'same', [1, 4, 4, 1]],
  ])('equals the built-in Rescaling(-1) -> MaxPooling2D -> Rescaling(-1) exactly (size %i, stride %i, %s, input %j)', (size, stride, padding, shape) => {
    const count = shape.reduce((a, b) => a * b, 1);
    // Ties, zeros of both signs, negatives and large values.
    const rng = createRandom(size * 31 + stride);
    const pool = [0, -0, 1, -1, 0.5, -2.25, 3e5, -3e5, 1e-30];
    const x = Float32Array.from({ length: count }, () => (rng() < 0.5 ? pool[Math.floor(rng() * pool.length)] : (rng() - 0.5) * 8));
    const before = tf.memory().numTensors;
    const [min, builtIn] = tf.tidy(() => {
      const input = tf.tensor(x, shape);
      const negate = () => tf.layers.rescaling({ scale: -1, offset: 0 });
      let y = negate().apply(input) as tf.Tensor;
      y = tf.layers.maxPooling2d({ poolSize: size, strides: stride, padding }).apply(y) as tf.Tensor;
      y = negate().apply(y) as tf.Tensor;
      return [Array.from((minPooling2d({ poolSize: size, strides: stride, padding }).apply(input) as tf.Tensor).dataSync()), Array.from(y.dataSync())];
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(builtIn).toHaveLength(min.length);
    // Equal as numbers (== also takes -0 for 0, the one thing negation may change).
    expect(builtIn.filter((v, i) => v !== min[i])).toEqual([]);
    expect(min).toEqual(Array.from(naiveMinPool(x, shape, size, stride, padding).out));
  });

  it('has the gradient of a numeric (finite-difference) derivative', () => {
    const shape: [number, number, number, number] = [1, 6, 6, 2];
    const count = 72;
    const x = distinctValues(count, 3);
    const weights = tf.tensor4d(
      Float32Array.from({ length: 18 }, (_, i) => 1 + (i % 5)),
      [1, 3, 3, 2],
    );
    const layer = minPooling2d({ poolSize: 2 });
    const f = (input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input) as tf.Tensor, weights)) as tf.Scalar;
    const analytic = tf.tidy(() => tf.grad(f)(tf.tensor4d(x, shape)).dataSync());
    const eps = 1e-2;
    const numeric = Array.from({ length: count }, (_, i) =>
      tf.tidy(() => {
        const plus = x.slice();
        const minus = x.slice();
        plus[i] += eps;
        minus[i] -= eps;
        return (f(tf.tensor4d(plus, shape)).dataSync()[0] - f(tf.tensor4d(minus, shape)).dataSync()[0]) / (2 * eps);
      }),
    );
    numeric.forEach((g, i) => expect(analytic[i]).toBeCloseTo(g, 3));
    // Each 2x2 window sends its whole gradient to exactly one cell, its minimum.
    expect(Array.from(analytic).filter((g) => g !== 0)).toHaveLength(18);
    weights.dispose();
  });

  it('round-trips its config', () => {
    const layer = minPooling2d({ poolSize: [3, 2], strides: 1, padding: 'same', name: 'mp' });
    const config = layer.getConfig();
    expect(config).toMatchObject({ poolSize: [3, 2], strides: [1, 1], padding: 'same', name: 'mp' });
    const copy = MinPooling2D.fromConfig(MinPooling2D, config) as MinPooling2D;
    expect([copy.poolSize, copy.strides, copy.padding]).toEqual([[3, 2], [1, 1], 'same']);
  });

  it('saves and loads in a model, giving identical predictions', async () => {
    const spec: ModelSpec = {
      convBlocks: [
        { filters: 3, kernelSize: 3, stride: 1, padding: 'valid', activation: 'tanh', pool: 'min', poolSize: 2 },
        { filters: 4, kernelSize: 3, stride: 1, padding: 'same', activation: 'relu', pool: 'min', poolSize: 2 },
      ],
      dense: [{ units: 6, activation: 'sigmoid', dropout: 0.2 }],
    };
    const model = buildModel(spec, { seed: 7 });
    const serialised = await serialiseModel(model);
    expect(JSON.stringify(serialised.modelJson.modelTopology)).toContain('"class_name":"MinPooling2D"');
    const loaded = await deserialiseModel(serialised);
    expect(loaded.layers.map((l) => l.getClassName())).toEqual(model.layers.map((l) => l.getClassName()));
    const input = tf.tensor4d(
      Float32Array.from({ length: 2 * 784 }, (_, i) => (i % 29) / 29),
      [2, 28, 28, 1],
    );
    const [a, b] = [model, loaded].map((m) => m.predict(input) as tf.Tensor);
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([input, a, b]);
    model.dispose();
    loaded.dispose();
  });
});
