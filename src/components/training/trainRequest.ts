import { DEFAULT_AUGMENT } from '../../model/augment';
import type { FirstLayerStart } from '../../model/firstLayerStart';
import type { TrainRequest } from '../../model/session';
import { DEFAULT_SPEC, type ModelSpec } from '../../model/spec';
import type { TrainingData } from '../../model/trainingData';
import type { RunSettings } from '../../state/runSettings';

/** The network a run trains: the one designed, the pretrained one, or the trained model's own. */
export function runSpecOf(start: RunSettings['start'], designed: ModelSpec, trainedSpec: ModelSpec | null): ModelSpec {
  if (start === 'scratch') return designed;
  if (start === 'pretrained') return DEFAULT_SPEC;
  return trainedSpec ?? designed;
}

/** The first layer's start a run uses: the one picked for a run from scratch, random otherwise. */
export function runFirstLayerOf(start: RunSettings['start'], picked: FirstLayerStart): FirstLayerStart {
  return start === 'scratch' ? picked : 'random';
}

/**
 * The training request for the panel's settings: the run's network, where it starts, its
 * first layer, the digits, and the options (a random `seed` per run unless one is given;
 * gradient sizes measured every `gradientEvery` batches).
 */
export function trainRequestOf(run: {
  readonly settings: RunSettings;
  readonly spec: ModelSpec;
  readonly firstLayer: FirstLayerStart;
  readonly data: TrainingData;
  readonly gradientEvery: number;
  readonly seed: number;
}): TrainRequest {
  const { settings } = run;
  return {
    spec: run.spec,
    start: settings.start,
    firstLayer: run.firstLayer,
    data: run.data,
    options: {
      optimizer: settings.optimizer,
      learningRate: settings.learningRate,
      // The learning rate picked is the first one; the cosine schedule lowers it batch by batch.
      schedule: settings.schedule,
      batchSize: settings.batchSize,
      epochs: settings.epochs,
      trainExamples: settings.trainExamples,
      augment: settings.augment ? DEFAULT_AUGMENT : null,
      seed: run.seed,
      // The page gets a turn at least this often, so the charts and the pen stay live.
      yieldEveryMs: 50,
      gradientEvery: run.gradientEvery,
    },
  };
}
