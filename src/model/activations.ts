import * as tf from '@tensorflow/tfjs';
import { unguarded, type Guard } from './guard';
import type { LayerOutput } from './layerOutput';
import { INPUT_SIDE, NUM_CLASSES, type Activation, type LayerKind } from './spec';

export type { LayerOutput } from './layerOutput';

const PIXELS = INPUT_SIDE * INPUT_SIDE;
const POOL_CLASSES = new Set(['MaxPooling2D', 'AveragePooling2D', 'MinPooling2D']);

/** The kind of a tfjs layer of a ConvLens model (by class, and by name for `logits`). */
export function layerKind(layer: tf.layers.Layer): LayerKind {
  const cls = layer.getClassName();
  if (cls === 'Conv2D') return 'conv';
  if (POOL_CLASSES.has(cls)) return 'pool';
  if (cls === 'Flatten') return 'flatten';
  if (cls === 'Dropout') return 'dropout';
  if (cls === 'Dense') return layer.name === 'logits' ? 'logits' : 'dense';
  if (cls === 'Activation') return layer.getConfig().activation === 'softmax' ? 'softmax' : 'activation';
  throw new Error(`ConvLens cannot show a ${cls} layer (${layer.name}).`);
}

/** Per model, one multi-output model whose outputs are all its layers (built once). */
const probes = new WeakMap<tf.LayersModel, { probe: tf.LayersModel; layers: tf.layers.Layer[] }>();

function probeOf(model: tf.LayersModel) {
  let entry = probes.get(model);
  if (!entry) {
    const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
    layers.forEach(layerKind);
    const outputs = layers.map((layer) => layer.output as tf.SymbolicTensor);
    // Shares the layers (and so the weights) of `model`: it follows training, owns nothing.
    entry = { probe: tf.model({ inputs: model.inputs, outputs }), layers };
    probes.set(model, entry);
  }
  return entry;
}

function checkImage(image: Float32Array): void {
  if (image.length !== PIXELS) throw new RangeError(`Expected a ${INPUT_SIDE}x${INPUT_SIDE} image (${PIXELS} values), got ${image.length} values.`);
}

/**
 * Runs one image through the model once and returns every layer's output (input layer
 * excluded), in layer order, as fresh Float32Arrays with their shapes. `image` is a 28x28
 * grey image, row-major, values in [0, 1], white ink on black. Dropout layers are in
 * inference mode (they pass their input through). Creates no lasting tensors, even when
 * `guard` gives up on the read (then it rejects with the guard's error).
 */
export async function computeLayerOutputs(model: tf.LayersModel, image: Float32Array, guard: Guard = unguarded): Promise<LayerOutput[]> {
  checkImage(image);
  const { probe, layers } = probeOf(model);
  const tensors = tf.tidy(() => probe.predict(tf.tensor4d(image, [1, INPUT_SIDE, INPUT_SIDE, 1])) as tf.Tensor[]);
  try {
    const values = await guard(Promise.all(tensors.map((t) => t.data<'float32'>())));
    return layers.map((layer, i) => {
      const kind = layerKind(layer);
      const described = {
        name: layer.name,
        kind,
        shape: tensors[i].shape.slice(1),
        // A copy: backends may hand out their own buffer, and layers may share one (dropout).
        data: Float32Array.from(values[i]),
      };
      return kind === 'activation' ? { ...described, activation: layer.getConfig().activation as Activation } : described;
    });
  } finally {
    tf.dispose(tensors);
  }
}

/**
 * Class probabilities for a batch of `images.length / 784` images (each 28x28, row-major,
 * values in [0, 1]): a Float32Array of 10 values per image, image after image.
 */
export async function predictBatch(model: tf.LayersModel, images: Float32Array): Promise<Float32Array> {
  if (images.length === 0 || images.length % PIXELS !== 0) {
    throw new RangeError(`Expected a whole number of 28x28 images, got ${images.length} values.`);
  }
  const n = images.length / PIXELS;
  const probs = tf.tidy(() => model.predict(tf.tensor4d(images, [n, INPUT_SIDE, INPUT_SIDE, 1])) as tf.Tensor);
  try {
    return Float32Array.from(await probs.data<'float32'>());
  } finally {
    probs.dispose();
  }
}

/** The 10 class probabilities of one 28x28 image (values in [0, 1]). */
export async function predict(model: tf.LayersModel, image: Float32Array): Promise<Float32Array> {
  checkImage(image);
  const probs = await predictBatch(model, image);
  return probs.subarray(0, NUM_CLASSES);
}
