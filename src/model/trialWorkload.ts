import * as tf from '@tensorflow/tfjs';
import type { TrialWorkload } from './backendTrial';
import { buildModel } from './build';
import { logitsModelOf } from './evaluate';
import { unguarded } from './guard';
import { createOptimizer } from './optimizer';
import { INPUT_SIDE, type ModelSpec } from './spec';
import type { OptimizerName } from './trainOptions';
import { dispatchStep, readStep } from './trainStep';

/** What {@link trainingWorkload} trains: a network and one batch it steps on again and again. */
export interface TrainingWorkloadOptions {
  readonly spec: ModelSpec;
  /** `labels.length` 28x28 images, row-major, values in [0, 1]. */
  readonly images: Float32Array;
  /** Digits 0..9. */
  readonly labels: Int32Array;
  /** Default 'adam'. */
  readonly optimizer?: OptimizerName;
  readonly learningRate?: number;
}

/**
 * The training the app does, as trial work: a fresh model of `spec` on the backend in use,
 * each step one optimiser step on the batch through the same code path as training
 * (dispatchStep, then readStep), and dispose frees the model and the optimiser.
 */
export function trainingWorkload(options: TrainingWorkloadOptions): () => TrialWorkload {
  const { spec, images, labels } = options;
  if (labels.length < 1) throw new Error('A trial batch needs at least one labelled image.');
  if (images.length !== labels.length * INPUT_SIDE * INPUT_SIDE) {
    throw new Error(`A trial batch of ${labels.length} images needs ${labels.length * INPUT_SIDE * INPUT_SIDE} pixel values (got ${images.length}).`);
  }
  return () => {
    const model = buildModel(spec, { seed: 1 });
    const optimizer = createOptimizer(options.optimizer ?? 'adam', options.learningRate ?? 0.001);
    const logitsModel = logitsModelOf(model);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    return {
      batchSize: labels.length,
      step: async () => {
        await readStep(dispatchStep(logitsModel, optimizer, variables, images, labels, null), unguarded);
      },
      dispose: () => {
        optimizer.dispose();
        model.dispose();
      },
    };
  };
}
