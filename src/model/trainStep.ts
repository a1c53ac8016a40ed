import * as tf from '@tensorflow/tfjs';
import { batchTensors } from './evaluate';
import { kernelGradientSizes, type LayerGradientSize } from './gradients';
import type { Guard } from './guard';

/** The kernels whose gradient sizes a step measures: their index among the variables, and their layer. */
export type MeasuredKernels = readonly { index: number; layer: string }[];

export interface StepResult {
  readonly loss: number;
  readonly accuracy: number;
  readonly gradients?: LayerGradientSize[];
}

/** A training step whose work is queued on the backend; its numbers are read later. */
export interface DispatchedStep {
  /** Loss, accuracy and (when measured) the gradient sizes, still on the backend. */
  readonly outputs: tf.Tensor[];
  readonly measure: MeasuredKernels | null;
}

/**
 * Queues one optimiser step on one batch and returns at once, without reading anything
 * back: the caller reads it with {@link readStep} after queuing the next step, so the
 * backend is never idle while JavaScript waits for a read.
 */
export function dispatchStep(
  logitsModel: tf.LayersModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  images: Float32Array,
  labels: Int32Array,
  measure: MeasuredKernels | null,
): DispatchedStep {
  const outputs = tf.tidy(() => {
    const { xs, ys, labelTensor } = batchTensors(images, labels);
    const kept: { accuracy?: tf.Scalar } = {};
    // What optimizer.minimize does, with the gradients kept in reach for measuring.
    const { value, grads } = optimizer.computeGradients(() => {
      const logits = logitsModel.apply(xs, { training: true }) as tf.Tensor2D;
      kept.accuracy = tf.keep(tf.mean(tf.equal(tf.argMax(logits, 1), labelTensor).toFloat()) as tf.Scalar);
      return tf.losses.softmaxCrossEntropy(ys, logits) as tf.Scalar;
    }, variables);
    optimizer.applyGradients(grads);
    const result: tf.Tensor[] = [value, kept.accuracy as tf.Scalar];
    if (measure) result.push(kernelGradientSizes(grads, variables, measure));
    return result;
  });
  return { outputs, measure };
}

/** Reads a dispatched step's loss, accuracy and gradient sizes, and frees its tensors. */
export async function readStep({ outputs, measure }: DispatchedStep, guard: Guard): Promise<StepResult> {
  try {
    const [lossValue, accuracyValue, sizes] = await guard(Promise.all(outputs.map((t) => t.data())));
    const step = { loss: lossValue[0], accuracy: accuracyValue[0] };
    return measure && sizes ? { ...step, gradients: measure.map((k, i) => ({ layer: k.layer, meanAbs: sizes[i] })) } : step;
  } finally {
    tf.dispose(outputs);
  }
}
