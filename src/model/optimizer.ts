import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from './trainOptions';

export function createOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  if (name === 'sgd') return tf.train.sgd(learningRate);
  if (name === 'rmsprop') return tf.train.rmsprop(learningRate);
  return tf.train.adam(learningRate);
}

/**
 * tfjs has a setter only on SGD; Adam and RMSProp read their public-at-runtime
 * `learningRate` field at every step, so setting it changes the next step. (The name is
 * passed because tfjs optimisers override `instanceof`: any optimiser "is" an SGDOptimizer.)
 */
export function setLearningRate(optimizer: tf.Optimizer, name: OptimizerName, learningRate: number): void {
  if (name === 'sgd') (optimizer as tf.SGDOptimizer).setLearningRate(learningRate);
  else (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
}
