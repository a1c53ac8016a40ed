import type * as tf from '@tensorflow/tfjs';
import { computeLayerOutputs } from './activations';
import { chooseBackend, type BackendInfo } from './backend';
import { loadModelFromUrl } from './io';
import type { PlainNetwork } from './plainForward';
import { DEFAULT_SPEC, INPUT_SIDE } from './spec';
import { plainCopy } from './trainedModel';
import { snapshotWeights } from './weights';

/**
 * Chooses the backend, loads the shipped model from `url`, warms it up (compiles the
 * shaders) and makes its plain-JavaScript copy. `signal` cancels between the steps: the
 * promise then rejects with the signal's reason, and the model loaded so far is freed.
 */
export async function openPretrained(url: string, signal?: AbortSignal): Promise<{ backend: BackendInfo; model: tf.LayersModel; plain: PlainNetwork | null }> {
  const backend = await chooseBackend();
  signal?.throwIfAborted();
  const model = await loadModelFromUrl(url);
  try {
    signal?.throwIfAborted();
    await computeLayerOutputs(model, new Float32Array(INPUT_SIDE * INPUT_SIDE));
    const plain = plainCopy(DEFAULT_SPEC, await snapshotWeights(model));
    signal?.throwIfAborted();
    return { backend, model, plain };
  } catch (error) {
    model.dispose();
    throw error;
  }
}
