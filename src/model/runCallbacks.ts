import type * as tf from '@tensorflow/tfjs';
import type { EpochMetrics, TrainCallbacks, TrainerInfo } from './trainMetrics';
import type { WeightSnapshot } from './weights';

/** How often the maps follow a model that is training: the status's version changes at most this often. */
export const FOLLOW_MS = 700;

/**
 * The callbacks the session gives a training run: the UI's `callbacks`, with reports made
 * after a context loss dropped (`trusted` says; numbers read then are zeros, not results),
 * `follow` called at most every {@link FOLLOW_MS} as batches go by (the maps follow the
 * weights; not once a run in a worker sent its weights: the maps follow those instead),
 * and `keep` called with each epoch's weights before the UI hears of them.
 * `weights` and `trainer` take what a run in a worker reports of its weights and of itself
 * (the UI hears of the weights after the maps were given them, so both can redraw together);
 * dropout masks go to the UI's `onDropoutMask`, while they can be trusted; `handOver` and
 * `pageModel` are the run's hand-over to its worker and the model its final weights land in.
 * `settle` is called after a batch whose step was read and freed when the run is about to
 * wait or end (`running` is false: it was paused or stopped), so the tensors the paused run
 * holds can be counted then.
 */
export function runCallbacks(
  callbacks: TrainCallbacks,
  hooks: {
    readonly trusted: () => boolean;
    readonly running: () => boolean;
    readonly follow: () => void;
    readonly settle: () => void;
    readonly keep: (metrics: EpochMetrics, snapshot: WeightSnapshot) => void;
    /** The weights as they are now, from a run in a worker (the maps follow them). */
    readonly weights?: (snapshot: WeightSnapshot) => void;
    readonly trainer?: (info: TrainerInfo) => void;
    readonly handOver?: (start: WeightSnapshot) => void;
    readonly pageModel?: () => Promise<tf.LayersModel>;
  },
): TrainCallbacks {
  let followed = Number.NEGATIVE_INFINITY;
  let weightsSent = false;
  return {
    onBatch: (metrics) => {
      if (!hooks.running()) hooks.settle();
      if (!hooks.trusted()) return;
      if (!weightsSent && performance.now() - followed > FOLLOW_MS) {
        followed = performance.now();
        hooks.follow();
      }
      return callbacks.onBatch?.(metrics);
    },
    onEpoch: async (metrics, snapshot) => {
      if (!hooks.trusted()) return;
      hooks.keep(metrics, snapshot);
      await callbacks.onEpoch?.(metrics, snapshot);
    },
    onWeights: (snapshot) => {
      weightsSent = true;
      hooks.weights?.(snapshot);
      callbacks.onWeights?.(snapshot);
    },
    onTrainer: hooks.trainer,
    // Only asked for when the UI keeps them (the replay), and only while they can be trusted.
    onFirstEpochWeights: callbacks.onFirstEpochWeights
      ? (point, snapshot) => {
          if (hooks.trusted()) return callbacks.onFirstEpochWeights?.(point, snapshot);
        }
      : undefined,
    // Only asked for when the UI shows masks (a run on the page then rebuilds none).
    onDropoutMask: callbacks.onDropoutMask
      ? (mask) => {
          if (hooks.trusted()) callbacks.onDropoutMask?.(mask);
        }
      : undefined,
    onHandOver: hooks.handOver,
    pageModel: hooks.pageModel,
  };
}
