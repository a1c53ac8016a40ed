import * as tf from '@tensorflow/tfjs';
import './minPooling';

import { PRETRAINED_MODEL_URL, WEIGHTS_FILE } from './modelPaths';
import { collapseMinPooling } from './portableTopology';

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
 * Serialises a model to model.json + one weights shard in ConvLens's own form, where min
 * pooling is the MinPooling2D layer: what saves in the browser and copies of models use,
 * loadable by `tf.loadLayersModel` once this module is imported. Files handed to the user
 * go through `downloadFiles` (modelFiles.ts), which writes min pooling with built-in
 * layers only, so that plain tfjs loads them too.
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

/** The topology with min pooling as ConvLens builds it: one MinPooling2D layer, whichever form the file used. */
function convLensTopology(topology: tf.io.ModelArtifacts['modelTopology']): tf.io.ModelArtifacts['modelTopology'] {
  return collapseMinPooling(topology) as tf.io.ModelArtifacts['modelTopology'];
}

/**
 * Rebuilds a model from {@link serialiseModel}'s output (in memory; no network). A
 * downloaded file's built-in min-pooling triple becomes one MinPooling2D layer again.
 */
export async function deserialiseModel(serialised: SerialisedModel): Promise<tf.LayersModel> {
  const { modelJson, weights } = serialised;
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const buffer = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: convLensTopology(modelJson.modelTopology), weightSpecs, weightData: buffer }));
}

/**
 * Loads a model.json (and its weights) from a URL, by default the shipped model, with the
 * loader `tf.loadLayersModel(url)` picks; min pooling comes back as one MinPooling2D layer
 * whichever form the file uses.
 */
export async function loadModelFromUrl(url = PRETRAINED_MODEL_URL): Promise<tf.LayersModel> {
  const [handler = tf.io.browserHTTPRequest(url)] = tf.io.getLoadHandlers(url);
  if (!handler.load) throw new Error(`tfjs cannot load a model from ${url}.`);
  const load = handler.load.bind(handler);
  return tf.loadLayersModel({
    load: async () => {
      const artifacts = await load();
      return { ...artifacts, modelTopology: convLensTopology(artifacts.modelTopology) };
    },
  });
}
