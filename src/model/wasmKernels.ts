/**
 * The kernels that training ConvLens's networks needs and tfjs's WebAssembly backend lacks,
 * computed in TypeScript on the backend's own memory. Running a training step of every
 * architecture the editor allows (each activation, pooling, padding and stride, with and
 * without dropout, under each optimiser) on 'wasm' finds one: Conv2DBackpropFilter, the
 * gradient of a convolution's filter. Everything else (the input gradient of a convolution,
 * the max and average pooling gradients, ReLU's step, dropout) is built into the backend.
 */
import * as tf from '@tensorflow/tfjs';
import { convFilterGradient } from '../core/convFilterGradient';

const WASM = 'wasm';

/** The part of tfjs's wasm backend a kernel here uses (its tensors live in the wasm heap). */
interface WasmHeap {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

function isWasmHeap(backend: unknown): backend is WasmHeap {
  const b = backend as Partial<WasmHeap> | null;
  return typeof b?.makeOutput === 'function' && typeof b.typedArrayFromHeap === 'function';
}

interface FilterGradientAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

const conv2dBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as FilterGradientAttrs;
  if (!isWasmHeap(backend)) throw new Error('Conv2DBackpropFilter here runs on the wasm backend only.');
  if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter on wasm supports NHWC data only (ConvLens models are NHWC).');
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error(`Conv2DBackpropFilter needs float32 tensors (got ${x.dtype} and ${dy.dtype}).`);
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
  // Make the output first: allocating may grow the wasm heap, which detaches older views.
  const out = backend.makeOutput(filterShape, 'float32');
  convFilterGradient(
    backend.typedArrayFromHeap(x),
    backend.typedArrayFromHeap(dy),
    {
      batch: info.batchSize,
      inHeight: info.inHeight,
      inWidth: info.inWidth,
      inChannels: info.inChannels,
      outHeight: info.outHeight,
      outWidth: info.outWidth,
      outChannels: info.outChannels,
      filterHeight: info.filterHeight,
      filterWidth: info.filterWidth,
      strideHeight: info.strideHeight,
      strideWidth: info.strideWidth,
      dilationHeight: info.dilationHeight,
      dilationWidth: info.dilationWidth,
      padTop: info.padInfo.top,
      padLeft: info.padInfo.left,
    },
    backend.typedArrayFromHeap(out) as Float32Array,
  );
  return out;
};

/** The kernels this module adds to the wasm backend, by name. */
export const WASM_TRAINING_KERNELS: Readonly<Record<string, tf.KernelFunc>> = {
  [tf.Conv2DBackpropFilter]: conv2dBackpropFilter,
};

/**
 * Registers, for the 'wasm' backend only, each kernel of {@link WASM_TRAINING_KERNELS} that
 * it does not have yet. Safe to call any number of times, before or after the backend is
 * loaded; a kernel the backend gains in a later tfjs is left as it is.
 */
export function registerWasmTrainingKernels(): void {
  for (const [kernelName, kernelFunc] of Object.entries(WASM_TRAINING_KERNELS)) {
    if (tf.getKernel(kernelName, WASM) === undefined) tf.registerKernel({ kernelName, backendName: WASM, kernelFunc });
  }
}

/** The names among `kernelNames` that the wasm backend has no kernel for. */
export function missingWasmKernels(kernelNames: Iterable<string>): string[] {
  return [...new Set(kernelNames)].filter((name) => tf.getKernel(name, WASM) === undefined);
}
