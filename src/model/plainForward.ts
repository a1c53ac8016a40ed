/**
 * The forward pass of a ConvLens CNN in plain JavaScript, from a spec and CPU copies of its
 * weights: every layer's output for one image, without tfjs. For a network this small one
 * pass costs about a millisecond on the main thread, where a pass on software WebGL costs
 * 12-20 ms and has to wait for the GPU, so the views can follow the pen within one frame.
 * It computes exactly what the tfjs model built from the same spec computes (checked
 * against it layer by layer in `plainForward.test.ts`).
 */
import { ACTIVATIONS } from '../core/activations';
import type { LayerOutput } from './layerOutput';
import { INPUT_SIDE, layerShapes, type Activation, type LayerInfo, type ModelSpec, type Padding } from './spec';

/** One weight as plain data: the tfjs weight name (e.g. `conv1/kernel`), its shape and values. */
export interface PlainWeight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

interface Map3 {
  readonly data: Float32Array;
  readonly side: number;
  readonly channels: number;
}

function activate(values: Float32Array, activation: Activation): Float32Array {
  const { f } = ACTIVATIONS[activation];
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f(values[i]);
  return out;
}

/** TensorFlow's padding rule: 'same' pads (output - 1) * stride + kernel - input in total, the smaller half first. */
function padBefore(side: number, outSide: number, kernel: number, stride: number, padding: Padding): number {
  if (padding === 'valid') return 0;
  return Math.floor(Math.max((outSide - 1) * stride + kernel - side, 0) / 2);
}

/** Convolution of an NHWC map with a [k, k, in, out] kernel and a bias per output channel. */
function conv2d(input: Map3, kernel: Float32Array, bias: Float32Array, k: number, stride: number, padding: Padding, outSide: number): Map3 {
  const { data, side, channels: cin } = input;
  const cout = bias.length;
  const pad = padBefore(side, outSide, k, stride, padding);
  const out = new Float32Array(outSide * outSide * cout);
  for (let oy = 0; oy < outSide; oy++) {
    for (let ox = 0; ox < outSide; ox++) {
      const o = (oy * outSide + ox) * cout;
      out.set(bias, o);
      for (let ky = 0; ky < k; ky++) {
        const iy = oy * stride + ky - pad;
        if (iy < 0 || iy >= side) continue;
        for (let kx = 0; kx < k; kx++) {
          const ix = ox * stride + kx - pad;
          if (ix < 0 || ix >= side) continue;
          const inBase = (iy * side + ix) * cin;
          const kBase = (ky * k + kx) * cin;
          for (let ci = 0; ci < cin; ci++) {
            const x = data[inBase + ci];
            if (x === 0) continue;
            const w = (kBase + ci) * cout;
            for (let co = 0; co < cout; co++) out[o + co] += x * kernel[w + co];
          }
        }
      }
    }
  }
  return { data: out, side: outSide, channels: cout };
}

/** 'valid' pooling with a square window that is also its stride. */
function pool2d(input: Map3, size: number, kind: 'max' | 'average' | 'min', outSide: number): Map3 {
  const { data, side, channels } = input;
  const out = new Float32Array(outSide * outSide * channels);
  const cells = size * size;
  for (let oy = 0; oy < outSide; oy++) {
    for (let ox = 0; ox < outSide; ox++) {
      for (let c = 0; c < channels; c++) {
        let acc = kind === 'max' ? -Infinity : kind === 'min' ? Infinity : 0;
        for (let dy = 0; dy < size; dy++) {
          for (let dx = 0; dx < size; dx++) {
            const v = data[((oy * size + dy) * side + ox * size + dx) * channels + c];
            acc = kind === 'max' ? (v > acc ? v : acc) : kind === 'min' ? (v < acc ? v : acc) : acc + v;
          }
        }
        out[(oy * outSide + ox) * channels + c] = kind === 'average' ? acc / cells : acc;
      }
    }
  }
  return { data: out, side: outSide, channels };
}

/** A fully connected layer: out[j] = bias[j] + sum over i of x[i] * kernel[i][j]. */
function dense(x: Float32Array, kernel: Float32Array, bias: Float32Array): Float32Array {
  const units = bias.length;
  const out = Float32Array.from(bias);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === 0) continue;
    const row = i * units;
    for (let j = 0; j < units; j++) out[j] += v * kernel[row + j];
  }
  return out;
}

function softmax(logits: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  const out = new Float32Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i] - max);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** The weights a spec needs, in `model.weights` order: kernel then bias of every conv, dense and logits layer. */
function expectedWeights(spec: ModelSpec): { name: string; shape: number[] }[] {
  const list: { name: string; shape: number[] }[] = [];
  let channels = 1;
  spec.convBlocks.forEach((b, i) => {
    list.push({ name: `conv${i + 1}/kernel`, shape: [b.kernelSize, b.kernelSize, channels, b.filters] }, { name: `conv${i + 1}/bias`, shape: [b.filters] });
    channels = b.filters;
  });
  let inputs = layerShapes(spec).find((l) => l.kind === 'flatten')!.shape[0];
  const add = (name: string, units: number) => {
    list.push({ name: `${name}/kernel`, shape: [inputs, units] }, { name: `${name}/bias`, shape: [units] });
    inputs = units;
  };
  spec.dense.forEach((d, i) => add(`dense${i + 1}`, d.units));
  add('logits', 10);
  return list;
}

/**
 * A ConvLens CNN ready to run in plain JavaScript. Construct it with {@link PlainNetwork.create},
 * which checks that the weights are the ones the spec needs (by name and shape).
 */
export class PlainNetwork {
  private constructor(
    readonly spec: ModelSpec,
    private readonly layers: readonly LayerInfo[],
    private readonly weights: ReadonlyMap<string, Float32Array>,
  ) {}

  /**
   * Throws, naming the first difference, when `weights` are not exactly those of the model
   * built from `spec` (extra, missing, or of another shape). The arrays are used as they
   * are, not copied: the caller must not change them afterwards.
   */
  static create(spec: ModelSpec, weights: readonly PlainWeight[]): PlainNetwork {
    const expected = expectedWeights(spec);
    if (weights.length !== expected.length) throw new Error(`The network needs ${expected.length} weights; ${weights.length} were given.`);
    const byName = new Map<string, Float32Array>();
    expected.forEach((e, i) => {
      const w = weights[i];
      const size = e.shape.reduce((a, b) => a * b, 1);
      if (w.name !== e.name || w.shape.join('x') !== e.shape.join('x') || w.values.length !== size) {
        throw new Error(`Weight ${i + 1} is ${w.name} ${w.shape.join('x')}; the network needs ${e.name} ${e.shape.join('x')}.`);
      }
      byName.set(e.name, w.values);
    });
    return new PlainNetwork(spec, layerShapes(spec), byName);
  }

  private weight(name: string): Float32Array {
    return this.weights.get(name)!;
  }

  /**
   * Every layer's output for one 28x28 image (784 grey levels in [0, 1], row-major), in
   * layer order, like the tfjs model's: fresh arrays, NHWC, dropout passing its input through.
   */
  run(image: Float32Array): LayerOutput[] {
    if (image.length !== INPUT_SIDE * INPUT_SIDE) throw new RangeError(`Expected a 28x28 image (784 values), got ${image.length} values.`);
    let map: Map3 = { data: image, side: INPUT_SIDE, channels: 1 };
    let flat = image;
    const outputs: LayerOutput[] = [];
    for (const layer of this.layers) {
      let data: Float32Array;
      if (layer.kind === 'conv') {
        const block = this.spec.convBlocks[layer.index - 1];
        map = conv2d(map, this.weight(`${layer.name}/kernel`), this.weight(`${layer.name}/bias`), block.kernelSize, block.stride, block.padding, layer.shape[0]);
        data = map.data;
      } else if (layer.kind === 'pool') {
        map = pool2d(map, this.spec.convBlocks[layer.index - 1].poolSize, layer.pool!, layer.shape[0]);
        data = map.data;
      } else if (layer.kind === 'activation') {
        data = activate(layer.shape.length === 3 ? map.data : flat, layer.activation as Activation);
        if (layer.shape.length === 3) map = { ...map, data };
      } else if (layer.kind === 'softmax') {
        data = softmax(flat);
      } else if (layer.kind === 'dense' || layer.kind === 'logits') {
        data = dense(flat, this.weight(`${layer.name}/kernel`), this.weight(`${layer.name}/bias`));
      } else {
        // flatten (NHWC row-major is already the flattened order) and dropout (inference mode)
        data = Float32Array.from(layer.kind === 'flatten' ? map.data : flat);
      }
      flat = data;
      outputs.push({ name: layer.name, kind: layer.kind, shape: layer.shape.slice(), data });
    }
    return outputs;
  }
}
