/**
 * The forward pass of a ConvLens CNN in plain JavaScript, from a spec and CPU copies of its
 * weights: every layer's output for one image, without tfjs. For a network this small one
 * pass costs about a millisecond on the main thread, where a pass on software WebGL costs
 * 12-20 ms and has to wait for the GPU, so the views can follow the pen within one frame.
 * It computes exactly what the tfjs model built from the same spec computes (checked
 * against it layer by layer in `plainForward.test.ts`).
 */
import { ACTIVATIONS } from '../core/activations';
import { convolveMaps, samePadding } from '../core/convolve';
import type { FeatureMaps } from '../core/grid';
import { poolMaps } from '../core/pool';
import { softmax } from '../core/softmax';
import type { LayerOutput } from './layerOutput';
import { INPUT_SIDE, layerShapes, type Activation, type LayerInfo, type ModelSpec, type Padding } from './spec';

/** One weight as plain data: the tfjs weight name (e.g. `conv1/kernel`), its shape and values. */
export interface PlainWeight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

function activate(values: Float32Array, activation: Activation): Float32Array {
  const { f } = ACTIVATIONS[activation];
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f(values[i]);
  return out;
}

/** A convolution layer on NHWC maps with a [k, k, in, out] kernel and a bias per output channel, padded the TensorFlow way. */
function conv2d(input: FeatureMaps, kernel: Float32Array, bias: Float32Array, k: number, stride: number, padding: Padding, outSide: number): FeatureMaps {
  const pad = padding === 'same' ? samePadding(input.height, k, stride).before : 0;
  const weights = { data: kernel, height: k, width: k, inChannels: input.channels, outChannels: bias.length, bias };
  return convolveMaps(input, weights, { stride, padTop: pad, padLeft: pad, outHeight: outSide, outWidth: outSide });
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

  /** The weights as given to {@link PlainNetwork.create}, in the same order (the arrays themselves, not copies): to rebuild the network elsewhere, e.g. in a Worker. */
  weightList(): PlainWeight[] {
    return expectedWeights(this.spec).map(({ name, shape }) => ({ name, shape, values: this.weight(name) }));
  }

  private weight(name: string): Float32Array {
    return this.weights.get(name)!;
  }

  /**
   * Every layer's output for one 28x28 image (784 grey levels in [0, 1], row-major), in
   * layer order, like the tfjs model's: fresh arrays, NHWC, dropout passing its input through.
   */
  run(image: Float32Array): LayerOutput[] {
    if (image.length !== INPUT_SIDE * INPUT_SIDE)
      throw new RangeError(`Expected a ${INPUT_SIDE}x${INPUT_SIDE} image (${INPUT_SIDE * INPUT_SIDE} values), got ${image.length} values.`);
    let map: FeatureMaps = { data: image, height: INPUT_SIDE, width: INPUT_SIDE, channels: 1 };
    let flat = image;
    const outputs: LayerOutput[] = [];
    for (const layer of this.layers) {
      let data: Float32Array;
      if (layer.kind === 'conv') {
        const block = this.spec.convBlocks[layer.index - 1];
        map = conv2d(
          map,
          this.weight(`${layer.name}/kernel`),
          this.weight(`${layer.name}/bias`),
          block.kernelSize,
          block.stride,
          block.padding,
          layer.shape[0],
        );
        data = map.data;
      } else if (layer.kind === 'pool') {
        const size = this.spec.convBlocks[layer.index - 1].poolSize;
        map = poolMaps(map, { kind: layer.pool!, size, stride: size, padding: 'valid' });
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
      const described = { name: layer.name, kind: layer.kind, shape: layer.shape.slice(), data };
      outputs.push(layer.kind === 'activation' ? { ...described, activation: layer.activation as Activation } : described);
    }
    return outputs;
  }
}
