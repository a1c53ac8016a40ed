import * as tf from '@tensorflow/tfjs';

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** Settings of {@link MinPooling2D}; the same as tfjs's MaxPooling2D (NHWC only). */
export interface MinPooling2DArgs extends LayerArgs {
  /** Window side, or [height, width]. Default 2. */
  poolSize?: number | [number, number];
  /** Step of the window, or [rows, cols]. Default: the pool size. */
  strides?: number | [number, number];
  /** Default 'valid'. */
  padding?: 'valid' | 'same';
}

function pair(value: number | [number, number]): [number, number] {
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

function pooledSide(n: number | null, size: number, stride: number, padding: 'valid' | 'same'): number | null {
  if (n === null) return null;
  return padding === 'same' ? Math.ceil(n / stride) : Math.floor((n - size) / stride) + 1;
}

/**
 * Min pooling over NHWC maps: the minimum of each window, the article's third pooling.
 * tfjs has no min pooling, so this computes `-maxPool(-x)`: the same windows and the same
 * routing of gradients (to the smallest cell of each window) as max pooling, mirrored.
 * It has no weights. The explicit `className` survives minification, and the class is
 * registered, so models that use it save and load by name ('MinPooling2D') once this
 * module has been imported. Model files handed to the user write it with built-in layers
 * instead (portableTopology.ts), so that plain tfjs loads them.
 */
export class MinPooling2D extends tf.layers.Layer {
  static className = 'MinPooling2D';
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';

  constructor(args: MinPooling2DArgs = {}) {
    super(args);
    this.poolSize = pair(args.poolSize ?? 2);
    this.strides = pair(args.strides ?? this.poolSize);
    this.padding = args.padding ?? 'valid';
    this.inputSpec = [{ ndim: 4 }];
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const [batch, height, width, channels] = shape;
    return [
      batch,
      pooledSide(height, this.poolSize[0], this.strides[0], this.padding),
      pooledSide(width, this.poolSize[1], this.strides[1], this.padding),
      channels,
    ];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      return tf.neg(tf.maxPool(tf.neg(x), this.poolSize, this.strides, this.padding));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), poolSize: this.poolSize, strides: this.strides, padding: this.padding };
  }
}

tf.serialization.registerClass(MinPooling2D);

/** A min-pooling layer (`tf.layers.maxPooling2d`'s twin). */
export function minPooling2d(args: MinPooling2DArgs = {}): MinPooling2D {
  return new MinPooling2D(args);
}
