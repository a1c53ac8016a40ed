import * as tf from '@tensorflow/tfjs';
import './minPooling';

import { PRETRAINED_MODEL_URL, WEIGHTS_FILE } from './modelPaths';

export { PRETRAINED_MODEL_URL, WEIGHTS_FILE } from './modelPaths';

/** A model in the standard tfjs "layers-model" format: model.json plus one weights shard. */
export interface SerialisedModel {
  /** The contents of model.json (its manifest points at `weightsFile`). */
  readonly modelJson: tf.io.ModelJSON;
  readonly weightsFile: string;
  /** The contents of the weights file (little-endian float32, in manifest order). */
  readonly weights: Uint8Array;
}

/**
 * Serialises a model to model.json + one weights shard, loadable by `tf.loadLayersModel`
 * (plain tfjs when the model has no min pooling; with this module imported otherwise).
 */
export async function serialiseModel(model: tf.LayersModel, weightsFile = WEIGHTS_FILE): Promise<SerialisedModel> {
  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (saved) => {
      artifacts = saved;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(saved) };
    }),
  );
  const { modelTopology, weightSpecs, weightData, format, generatedBy, convertedBy } = artifacts as unknown as tf.io.ModelArtifacts;
  if (!modelTopology || !weightSpecs || !weightData) throw new Error('tfjs returned an incomplete model.');
  const buffer = weightData instanceof ArrayBuffer ? weightData : tf.io.CompositeArrayBuffer.join(weightData);
  return {
    modelJson: {
      modelTopology,
      format: format ?? 'layers-model',
      generatedBy: generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
      convertedBy: convertedBy ?? null,
      weightsManifest: [{ paths: [`./${weightsFile}`], weights: weightSpecs }],
    },
    weightsFile,
    weights: new Uint8Array(buffer),
  };
}

/** Rebuilds a model from {@link serialiseModel}'s output (in memory; no network). */
export async function deserialiseModel(serialised: SerialisedModel): Promise<tf.LayersModel> {
  const { modelJson, weights } = serialised;
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const buffer = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData: buffer }));
}

/** Loads a model.json (and its weights) from a URL, by default the shipped model. */
export async function loadModelFromUrl(url = PRETRAINED_MODEL_URL): Promise<tf.LayersModel> {
  return tf.loadLayersModel(url);
}
