import * as tf from '@tensorflow/tfjs';

/** One weight tensor copied to the CPU. */
export interface WeightCopy {
  /** The tfjs weight name, e.g. `conv1/kernel`. */
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/**
 * All the weights of a model as plain Float32Array copies, in `model.weights` order. They
 * survive the loss of a WebGL context and can be put back with {@link restoreWeights}
 * (into the same model, or into a fresh model of the same spec on another backend).
 */
export interface WeightSnapshot {
  readonly weights: readonly WeightCopy[];
}

/** Copies every weight of `model` to the CPU (one async read per weight; no lasting tensors). */
export async function snapshotWeights(model: tf.LayersModel): Promise<WeightSnapshot> {
  const variables = model.weights;
  const values = await Promise.all(variables.map((w) => w.read().data<'float32'>()));
  return {
    weights: variables.map((w, i) => ({ name: w.originalName, shape: w.read().shape.slice(), values: Float32Array.from(values[i]) })),
  };
}

/**
 * Writes a snapshot back into a model with the same architecture. Throws, changing
 * nothing, when the weights do not match in number, name or shape.
 */
export function restoreWeights(model: tf.LayersModel, snapshot: WeightSnapshot): void {
  const variables = model.weights;
  if (variables.length !== snapshot.weights.length) {
    throw new Error(`The snapshot has ${snapshot.weights.length} weights; the model has ${variables.length}.`);
  }
  variables.forEach((w, i) => {
    const copy = snapshot.weights[i];
    if (copy.name !== w.originalName || copy.shape.join('x') !== w.shape.join('x')) {
      throw new Error(`Weight ${i} of the snapshot (${copy.name} ${copy.shape.join('x')}) does not fit ${w.originalName} ${w.shape.join('x')}.`);
    }
  });
  const tensors = snapshot.weights.map((copy) => tf.tensor(copy.values, copy.shape.slice(), 'float32'));
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}

/**
 * The element-wise mean of snapshots of one architecture (stochastic weight averaging:
 * the mean of the weights at the ends of the last epochs usually generalises better than
 * any one of them). Throws when the snapshots do not match.
 */
export function averageSnapshots(snapshots: readonly WeightSnapshot[]): WeightSnapshot {
  if (snapshots.length === 0) throw new Error('Nothing to average.');
  const [first] = snapshots;
  return {
    weights: first.weights.map((w, i) => {
      const values = new Float32Array(w.values.length);
      for (const snapshot of snapshots) {
        const other = snapshot.weights[i];
        if (!other || other.name !== w.name || other.values.length !== values.length) {
          throw new Error(`Snapshots differ at weight ${i} (${w.name}).`);
        }
        for (let k = 0; k < values.length; k++) values[k] += other.values[k];
      }
      for (let k = 0; k < values.length; k++) values[k] /= snapshots.length;
      return { name: w.name, shape: w.shape.slice(), values };
    }),
  };
}
