import * as tf from '@tensorflow/tfjs';
import './minPooling';
import type { ModelPackage } from './modelFiles';
import { INPUT_SIDE, NUM_CLASSES, layerShapes, type ModelSpec } from './spec';
import { refuse, shapeText, type Checked } from './topology';

function sameShape(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Checks a built model against its spec: one [null, 28, 28, 1] input, one [null, 10] output, the spec's layers. */
function checkBuilt(model: tf.LayersModel, spec: ModelSpec): Checked<tf.LayersModel> {
  const input = [null, INPUT_SIDE, INPUT_SIDE, 1];
  const output = [null, NUM_CLASSES];
  if (model.inputs.length !== 1 || !sameShape(model.inputs[0].shape, input)) {
    return refuse('input-shape', { expected: shapeText(input), got: shapeText(model.inputs.map((i) => i.shape).flat()) });
  }
  if (model.outputs.length !== 1 || !sameShape(model.outputs[0].shape, output)) {
    return refuse('output-shape', { expected: shapeText(output), got: shapeText(model.outputs[0]?.shape) });
  }
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const expected = layerShapes(spec);
  const mismatch = expected.findIndex((info, i) => !layers[i] || !sameShape((layers[i].outputShape as (number | null)[]).slice(1), info.shape));
  if (layers.length !== expected.length || mismatch >= 0) {
    return refuse('unsupported-architecture', { detail: `layer ${mismatch >= 0 ? mismatch + 1 : expected.length + 1} does not have the expected shape` });
  }
  return { ok: true, value: model };
}

/**
 * Builds a tfjs model from checked model files (see `validateUpload.ts`) or a saved
 * package, entirely in memory. Every tensor is disposed when anything fails (tfjs's own
 * loader leaks the half-built model when weights do not fit): the result is either a
 * working model the caller owns, or a refusal and no new tensors.
 */
export async function modelFromPackage(pkg: ModelPackage, spec: ModelSpec): Promise<Checked<tf.LayersModel>> {
  const weightSpecs = pkg.modelJson.weightsManifest.flatMap((g) => g.weights) as tf.io.WeightsManifestEntry[];
  const buffer = pkg.weights.buffer.slice(pkg.weights.byteOffset, pkg.weights.byteOffset + pkg.weights.byteLength) as ArrayBuffer;
  let named: tf.NamedTensorMap = {};
  let model: tf.LayersModel | null = null;
  try {
    named = tf.io.decodeWeights(buffer, weightSpecs);
    model = await tf.models.modelFromJSON({ modelTopology: pkg.modelJson.modelTopology as tf.io.ModelJSON['modelTopology'] });
    model.loadWeights(named, true);
    const checked = checkBuilt(model, spec);
    if (!checked.ok) model.dispose();
    return checked;
  } catch (e) {
    model?.dispose();
    return refuse('tfjs-load', { detail: e instanceof Error ? e.message : String(e) });
  } finally {
    tf.dispose(named);
  }
}
