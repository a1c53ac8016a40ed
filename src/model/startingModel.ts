import type * as tf from '@tensorflow/tfjs';
import { buildModel } from './build';
import { setEdgeFilterKernels } from './initFilters';
import { deserialiseModel, serialiseModel } from './io';
import { SessionError } from './sessionError';
import type { TrainRequest } from './sessionTypes';
import type { ModelSpec } from './spec';
import type { TrainedModel } from './trainedModel';

/**
 * The model a training run starts from, which the run then owns: a new one built from the
 * request's spec (its first layer set to the edge filters when asked), or a copy of the
 * pretrained or the trained model.
 * @throws SessionError `no-trained-model` when the run should continue the trained model and there is none
 */
export async function startingModel(
  request: TrainRequest,
  pretrained: tf.LayersModel,
  trained: TrainedModel | null,
): Promise<{ model: tf.LayersModel; spec: ModelSpec }> {
  if (request.start === 'scratch') {
    const model = buildModel(request.spec, { seed: request.options.seed });
    if (request.firstLayer === 'edge-trainable' || request.firstLayer === 'edge-frozen') {
      try {
        setEdgeFilterKernels(model);
      } catch (error) {
        model.dispose();
        throw error;
      }
    }
    return { model, spec: request.spec };
  }
  if (request.start === 'current') {
    if (!trained) throw new SessionError('no-trained-model');
    return { model: await deserialiseModel(await serialiseModel(trained.model)), spec: trained.spec };
  }
  return { model: await deserialiseModel(await serialiseModel(pretrained)), spec: request.spec };
}
