/**
 * The kernels that training ConvLens's networks needs and tfjs's WebAssembly backend lacks or
 * gets wrong, computed in TypeScript on the backend's own memory. Running a training step of
 * every architecture the editor allows (each activation, pooling, padding and stride, with
 * and without dropout, under each optimiser) on 'wasm' and comparing it with the CPU backend
 * finds two:
 * - Conv2DBackpropFilter, the gradient of a convolution's filter, is missing: here the
 *   input's patches are laid out in TypeScript and multiplied by the output gradient with
 *   the backend's own matrix product (about 3-4 times faster than summing in TypeScript,
 *   which remains the way when that kernel is missing);
 * - MaxPoolGrad exists but (tfjs 4.22) sends the gradient of a window whose values are all
 *   negative to its first cell instead of its maximum, which breaks max pooling after tanh
 *   and min pooling (computed as -maxPool(-x)) after ReLU or sigmoid.
 * Everything else (the input gradient of a convolution, average pooling's gradient, ReLU's
 * step, sigmoid and tanh, dropout, the optimisers) is built into the backend and agrees.
 */
import * as tf from '@tensorflow/tfjs';
import { convFilterGradient, convPatches, type ConvGeometry } from '../core/convFilterGradient';
import { maxPoolGradient } from '../core/maxPoolGradient';

const WASM = 'wasm';

/** The part of tfjs's wasm backend a kernel here uses (its tensors live in the wasm heap). */
interface WasmHeap {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  incRef(dataId: tf.DataId): void;
  disposeData(dataId: tf.DataId): boolean;
}

function isWasmHeap(backend: unknown): backend is WasmHeap {
  const b = backend as Partial<WasmHeap> | null;
  return (
    typeof b?.makeOutput === 'function' && typeof b.typedArrayFromHeap === 'function' && typeof b.incRef === 'function' && typeof b.disposeData === 'function'
  );
}

/**
 * dLoss/dFilter as patchesᵀ · dy through the backend's own (SIMD) matrix product: the
 * patches are written in TypeScript into a wasm tensor, dy is viewed as a matrix without
 * copying, and the product's memory becomes the result. Frees what it made.
 */
function filterGradientByProduct(
  backend: WasmHeap,
  matMul: tf.KernelFunc,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  g: ConvGeometry,
  filterShape: number[],
): tf.TensorInfo {
  const rows = g.batch * g.outHeight * g.outWidth;
  const patches = backend.makeOutput([1, rows, g.filterHeight * g.filterWidth * g.inChannels], 'float32');
  try {
    convPatches(backend.typedArrayFromHeap(x), g, backend.typedArrayFromHeap(patches) as Float32Array);
    backend.incRef(dy.dataId);
    const dyMatrix: tf.TensorInfo = { dataId: dy.dataId, shape: [1, rows, g.outChannels], dtype: 'float32' };
    try {
      const product = matMul({
        inputs: { a: patches, b: dyMatrix },
        backend: backend as unknown as tf.KernelBackend,
        attrs: { transposeA: true, transposeB: false },
      }) as tf.TensorInfo;
      return { dataId: product.dataId, shape: filterShape, dtype: 'float32' };
    } finally {
      backend.disposeData(dyMatrix.dataId);
    }
  } finally {
    backend.disposeData(patches.dataId);
  }
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
  const geometry: ConvGeometry = {
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
  };
  const matMul = tf.getKernel(tf.BatchMatMul, WASM)?.kernelFunc;
  if (matMul) return filterGradientByProduct(backend, matMul, x, dy, geometry, filterShape);
  // Make the output first: allocating may grow the wasm heap, which detaches older views.
  const out = backend.makeOutput(filterShape, 'float32');
  convFilterGradient(backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(dy), geometry, backend.typedArrayFromHeap(out) as Float32Array);
  return out;
};

interface MaxPoolGradAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

const maxPoolGrad: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  if (!isWasmHeap(backend)) throw new Error('MaxPoolGrad here runs on the wasm backend only.');
  if (input.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error(`MaxPoolGrad needs float32 tensors (got ${input.dtype} and ${dy.dtype}).`);
  const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
  const out = backend.makeOutput(input.shape, 'float32');
  maxPoolGradient(
    backend.typedArrayFromHeap(input),
    backend.typedArrayFromHeap(dy),
    {
      batch: info.batchSize,
      inHeight: info.inHeight,
      inWidth: info.inWidth,
      channels: info.inChannels,
      outHeight: info.outHeight,
      outWidth: info.outWidth,
      windowHeight: info.filterHeight,
      windowWidth: info.filterWidth,
      strideHeight: info.strideHeight,
      strideWidth: info.strideWidth,
      padTop: info.padInfo.top,
      padLeft: info.padInfo.left,
    },
    backend.typedArrayFromHeap(out) as Float32Array,
  );
  return out;
};

/** The kernels this module gives the wasm backend, by name. */
export const WASM_TRAINING_KERNELS: Readonly<Record<string, tf.KernelFunc>> = {
  [tf.Conv2DBackpropFilter]: conv2dBackpropFilter,
  [tf.MaxPoolGrad]: maxPoolGrad,
};

/**
 * Registers, for the 'wasm' backend only, each kernel of {@link WASM_TRAINING_KERNELS},
 * replacing the backend's own where it has one. Safe to call any number of times. Call it
 * after '@tensorflow/tfjs-backend-wasm' is imported (loadWasmBackend does): importing that
 * module registers its own kernels over these.
 */
export function registerWasmTrainingKernels(): void {
  for (const [kernelName, kernelFunc] of Object.entries(WASM_TRAINING_KERNELS)) {
    const current = tf.getKernel(kernelName, WASM);
    if (current?.kernelFunc === kernelFunc) continue;
    if (current) tf.unregisterKernel(kernelName, WASM);
    tf.registerKernel({ kernelName, backendName: WASM, kernelFunc });
  }
}

/** The names among `kernelNames` that the wasm backend has no kernel for. */
export function missingWasmKernels(kernelNames: Iterable<string>): string[] {
  return [...new Set(kernelNames)].filter((name) => tf.getKernel(name, WASM) === undefined);
}
