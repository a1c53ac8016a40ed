import type { Activation, LayerKind } from './spec';

/** One layer's output for one input, as plain data owned by the caller. */
export interface LayerOutput {
  /** The layer name (`conv1`, `conv1_relu`, `pool1`, ..., `logits`, `softmax`). */
  readonly name: string;
  readonly kind: LayerKind;
  /** The non-linearity of an activation layer (kind 'activation'); absent for the other kinds. */
  readonly activation?: Activation;
  /** Shape without the batch dimension: [height, width, channels] (NHWC) or [units]. */
  readonly shape: readonly number[];
  /**
   * Values in row-major order of `shape`: for a feature map, the value of channel c at
   * (row r, column col) is `data[(r * width + col) * channels + c]`.
   */
  readonly data: Float32Array;
}
