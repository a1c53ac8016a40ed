/**
 * The architecture of a ConvLens CNN as plain, serialisable data (no tfjs here), its limits
 * and default, and the side rules; its validation and every layer's name, kind and output
 * shape by plain arithmetic are in specCheck.ts, re-exported here. The model
 * built from a spec (`build.ts`) has exactly the layers listed by {@link layerShapes}, in
 * that order and with those names, so the UI can lay out the network before it runs.
 */
import { MNIST_SIDE } from '../core/grid';

/** Element-wise non-linearity after a convolution or a dense layer. */
export type Activation = 'relu' | 'sigmoid' | 'tanh';
/** Pooling after a block's activation; 'none' skips the pooling layer. */
export type Pooling = 'max' | 'average' | 'min' | 'none';
/** 'valid': no padding (the map shrinks by kernelSize - 1); 'same': zero padding, ceil(n / stride). */
export type Padding = 'valid' | 'same';

/** One convolution block: convolution, then activation, then (optionally) pooling. */
export interface ConvBlockSpec {
  /** Number of kernels (output channels), 1..128. */
  readonly filters: number;
  /** Side of the square kernel, 1..9. */
  readonly kernelSize: number;
  /** Step of the kernel, 1..4. */
  readonly stride: number;
  readonly padding: Padding;
  readonly activation: Activation;
  readonly pool: Pooling;
  /** Side of the square pooling window, which is also its stride (2..4; ignored for 'none'). */
  readonly poolSize: number;
}

/** One fully connected layer: dense, then activation, then dropout when `dropout` > 0. */
export interface DenseSpec {
  /** Number of neurons, 1..1024. */
  readonly units: number;
  readonly activation: Activation;
  /** Dropout rate applied to this layer's activations while training, 0..0.9 (0: no dropout layer). */
  readonly dropout: number;
}

/**
 * A whole network: 1..4 conv blocks, a flatten, 0..3 dense layers, then always a 10-unit
 * `logits` dense layer and a softmax. Input: [28, 28, 1] grey levels in [0, 1].
 */
export interface ModelSpec {
  readonly convBlocks: readonly ConvBlockSpec[];
  readonly dense: readonly DenseSpec[];
}

/** What a layer does; one kind per tfjs layer of the built model. */
export type LayerKind = 'conv' | 'activation' | 'pool' | 'flatten' | 'dense' | 'dropout' | 'logits' | 'softmax';

/** A layer of the network as the UI needs it, computed from the spec alone. */
export interface LayerInfo {
  /** The tfjs layer name, e.g. `conv1`, `conv1_relu`, `pool1`, `dense1`, `dropout1`, `logits`. */
  readonly name: string;
  readonly kind: LayerKind;
  /** Output shape without the batch dimension: [height, width, channels] or [units]. */
  readonly shape: readonly number[];
  /** 1-based conv block (conv / activation / pool of a block) or dense layer (dense / activation / dropout); 0 otherwise. */
  readonly index: number;
  /** The non-linearity for kind 'activation' ('softmax' for the last layer). */
  readonly activation?: Activation | 'softmax';
  /** The pooling for kind 'pool'. */
  readonly pool?: Exclude<Pooling, 'none'>;
}

/** Side of the input image: an MNIST digit. */
export const INPUT_SIDE = MNIST_SIDE;
/** Number of classes (digits 0-9). */
export const NUM_CLASSES = 10;

/** Bounds every spec must respect (the UI can use them for its controls). */
export const SPEC_LIMITS = Object.freeze({
  convBlocks: [1, 4],
  dense: [0, 3],
  filters: [1, 128],
  kernelSize: [1, 9],
  stride: [1, 4],
  poolSize: [2, 4],
  units: [1, 1024],
  dropout: [0, 0.9],
} as const);

/**
 * The article's network: two conv + ReLU + 2x2 max-pool blocks, one dense ReLU layer with
 * dropout, then the 10-way softmax. Small enough to infer in a few ms, large enough to
 * reach >= 99% on the held-out split when trained with augmentation (`npm run train`).
 * Shapes: 28x28x1 -> conv 26x26x16 -> pool 13x13x16 -> conv 11x11x32 -> pool 5x5x32
 * -> flatten 800 -> dense 128 -> logits 10 -> softmax 10.
 */
export const DEFAULT_SPEC: ModelSpec = Object.freeze({
  convBlocks: Object.freeze([
    Object.freeze({ filters: 16, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }),
    Object.freeze({ filters: 32, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 }),
  ]) as readonly ConvBlockSpec[],
  dense: Object.freeze([Object.freeze({ units: 128, activation: 'relu', dropout: 0.4 })]) as readonly DenseSpec[],
}) as ModelSpec;

/** Side of a convolution's output for an input side `n` (TensorFlow's rule). */
export function convOutputSide(n: number, kernelSize: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(n / stride) : Math.floor((n - kernelSize) / stride) + 1;
}

/** Side of a pooling output ('valid' pooling, stride = window): floor(n / size). */
export function poolOutputSide(n: number, poolSize: number): number {
  return Math.floor(n / poolSize);
}

export { assertValidSpec, layerShapes, parameterCount, validateSpec, type SpecProblem, type SpecProblemCode } from './specCheck';
