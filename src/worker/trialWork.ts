/**
 * The work a backend trial times in the worker: the run's own network (read back from the
 * topology the page sent), freshly built, stepping with the run's optimiser on a few of the
 * run's digits. A short trial: one warm-up step and two timed ones on a small batch, so even
 * the CPU backend takes seconds, not tens of seconds.
 */
import { batchImages, batchLabels } from '../core/batch';
import type { TrialWorkload } from '../model/backendTrial';
import { DEFAULT_SPEC, type ModelSpec } from '../model/spec';
import { specFromTopology } from '../model/topology';
import { DEFAULT_TRAIN_OPTIONS } from '../model/trainOptions';
import { trainingWorkload } from '../model/trialWorkload';
import type { TrainMessage } from './protocol';

/** Digits per trial step. */
export const TRIAL_BATCH = 8;
export const TRIAL_WARMUP_STEPS = 1;
export const TRIAL_TIMED_STEPS = 2;

/** The network a topology describes, or the default network when it is not one ConvLens can read. */
export function trialSpec(topology: unknown): ModelSpec {
  const read = specFromTopology(topology);
  return read.ok ? read.value : DEFAULT_SPEC;
}

/** The trial's work for the run `message` starts. */
export function trialWorkFor(message: TrainMessage): () => TrialWorkload {
  const digits = message.data.train;
  const count = Math.min(TRIAL_BATCH, digits.count);
  const order = Array.from({ length: count }, (_, i) => i);
  return trainingWorkload({
    spec: trialSpec(message.topology),
    images: batchImages(digits, order, 0, count, null),
    labels: batchLabels(digits, order, 0, count),
    optimizer: message.options.optimizer ?? DEFAULT_TRAIN_OPTIONS.optimizer,
    learningRate: message.options.learningRate ?? DEFAULT_TRAIN_OPTIONS.learningRate,
  });
}
