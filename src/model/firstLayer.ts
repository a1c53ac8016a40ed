import * as tf from '@tensorflow/tfjs';

/** The learned kernels of a model's first convolution layer, as plain data. */
export interface FirstLayerKernels {
  /** Layer name, `conv1`. */
  readonly name: string;
  readonly kernelHeight: number;
  readonly kernelWidth: number;
  readonly stride: number;
  /** 'valid': no padding; 'same': zero padding so that the output side is ceil(28 / stride). */
  readonly padding: 'valid' | 'same';
  /** One kernel per output channel, each kernelHeight x kernelWidth values, row-major. */
  readonly kernels: readonly Float32Array[];
  /** One bias per output channel. */
  readonly biases: Float32Array;
}

/**
 * Reads the first convolution layer of a ConvLens model (single-channel input): its kernels
 * split per output channel (tfjs stores them as [kh, kw, 1, filters]) and its biases, as
 * Float32Array copies. Reads the variables without creating lasting tensors.
 * @throws Error when the model has no 2-D convolution on a one-channel input
 */
export async function readFirstLayerKernels(model: tf.LayersModel): Promise<FirstLayerKernels> {
  const layer = model.layers.find((l) => l.getClassName() === 'Conv2D');
  if (!layer) throw new Error('The model has no convolution layer.');
  const config = layer.getConfig() as { kernelSize: number | number[]; strides: number | number[]; padding: string; useBias?: boolean };
  // getWeights() hands out the layer's own variables: read them, never dispose them.
  const [kernel, bias] = layer.getWeights();
  const [kh, kw, inChannels, filters] = kernel.shape;
  if (inChannels !== 1) throw new Error(`Expected a one-channel input to ${layer.name}, got ${inChannels} channels.`);
  const values = await kernel.data<'float32'>();
  const biasValues = bias ? Float32Array.from(await bias.data<'float32'>()) : new Float32Array(filters);
  const kernels = Array.from({ length: filters }, (_, f) => {
    const k = new Float32Array(kh * kw);
    for (let i = 0; i < kh * kw; i++) k[i] = values[i * filters + f];
    return k;
  });
  const stride = Array.isArray(config.strides) ? config.strides[0] : config.strides;
  return { name: layer.name, kernelHeight: kh, kernelWidth: kw, stride, padding: config.padding === 'same' ? 'same' : 'valid', kernels, biases: biasValues };
}
