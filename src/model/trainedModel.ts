import * as tf from '@tensorflow/tfjs';
import { fallBackToCpu, type BackendInfo } from './backend';
import { loadModelFromUrl } from './io';
import { PlainNetwork } from './plainForward';
import type { ModelSpec } from './spec';
import { restoreWeights, type WeightSnapshot } from './weights';

/**
 * Everything the session knows of its trained model (trained here, loaded or uploaded), as
 * one value: replacing it replaces all of it, and no field outlives its model.
 */
export interface TrainedModel {
  readonly model: tf.LayersModel;
  readonly spec: ModelSpec;
  /** The name it was loaded or uploaded under; null when it was trained here. */
  readonly name: string | null;
  /** Its accuracy on the held-out digits (0..1), when known. */
  readonly accuracy: number | null;
  /**
   * CPU copies of its weights that a lost WebGL context cannot take away: as loaded, or as
   * they were at the end of the last completed epoch (`epoch`, 0 for a loaded model).
   */
  readonly lastGood: { readonly snapshot: WeightSnapshot; readonly epoch: number } | null;
  /** A plain-JavaScript copy of its current weights for single-image passes; null when out of date. */
  readonly plain: PlainNetwork | null;
}

/** A plain-JavaScript copy of a model for single-image passes; null when its weights do not fit the spec. */
export function plainCopy(spec: ModelSpec, snapshot: WeightSnapshot): PlainNetwork | null {
  try {
    return PlainNetwork.create(spec, snapshot.weights);
  } catch {
    return null;
  }
}

/** Frees a model whose backend may be dead (its textures are gone already; only the counts remain). */
export function disposeQuietly(model: tf.LayersModel): void {
  try {
    model.dispose();
  } catch {
    // A model on a lost context may fail to free GPU memory that no longer exists.
  }
}

/**
 * The trained model rebuilt on the current backend (the CPU after a context loss) from its
 * topology (no tensor is read) and CPU copies of its weights: `newest` when it gives them (a
 * run that goes on), else its last good weights; null when it has none to keep.
 */
export async function rebuildTrained(lost: TrainedModel, newest?: () => WeightSnapshot | null): Promise<TrainedModel | null> {
  if (!newest?.() && !lost.lastGood) return null;
  const model = await tf.models.modelFromJSON({ modelTopology: lost.model.toJSON(null, false) });
  // Read after the (asynchronous) build, so the newest weights are the newest.
  const weights = newest?.() ?? lost.lastGood?.snapshot;
  if (!weights) {
    model.dispose();
    return null;
  }
  try {
    restoreWeights(model, weights);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { ...lost, model, plain: plainCopy(lost.spec, weights) };
}

/**
 * After a WebGL context loss: the CPU backend, the pretrained model loaded again from
 * `pretrainedUrl` (the lost one freed quietly) and the trained model rebuilt on the CPU (null
 * when there was none or it had no weights to keep).
 */
export async function rebuildOnCpu(
  pretrainedUrl: string,
  lostPretrained: tf.LayersModel,
  lostTrained: TrainedModel | null,
  newest?: () => WeightSnapshot | null,
): Promise<{ backend: BackendInfo; pretrained: tf.LayersModel; trained: TrainedModel | null }> {
  const backend = await fallBackToCpu('contextLost');
  const pretrained = await loadModelFromUrl(pretrainedUrl);
  disposeQuietly(lostPretrained);
  return { backend, pretrained, trained: lostTrained ? await rebuildTrained(lostTrained, newest) : null };
}
