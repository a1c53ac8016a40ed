import * as tf from '@tensorflow/tfjs';
import type { Guard } from './guard';

/** The dropout layer whose masks a run shows: the first one that drops anything. */
export interface MaskedLayer {
  /** Its place among the model's Dropout layers (the order `withSeededDropout` seeds them in). */
  readonly index: number;
  readonly name: string;
  /** Units of the dense layer before it (the width of its output). */
  readonly units: number;
  readonly rate: number;
}

/** Which units one training step's dropout kept, for the first digit of the step's batch. */
export interface StepMask {
  /** 1 where the unit was kept, 0 where it was dropped. */
  readonly kept: Uint8Array;
  /** What a kept unit was multiplied by: 1 / (1 - rate), as the backend computed it. */
  readonly scale: number;
}

/** The model's first Dropout layer with a rate above 0, or null when nothing is dropped. */
export function maskedLayerOf(model: tf.LayersModel): MaskedLayer | null {
  const dropouts = model.layers.filter((layer) => layer.getClassName() === 'Dropout');
  const index = dropouts.findIndex((layer) => (layer.getConfig().rate as number) > 0);
  if (index < 0) return null;
  const layer = dropouts[index];
  const shape = layer.outputShape as (number | null)[];
  const units = shape[shape.length - 1];
  if (typeof units !== 'number') return null;
  return { index, name: layer.name, units, rate: layer.getConfig().rate as number };
}

/**
 * The mask a training step's dropout applied, rebuilt from the seed the step gave the
 * layer. tfjs draws a layer's mask for a batch of B digits as B × units uniform numbers from
 * one generator started at the seed, row after row; the first row (the first digit's) is
 * therefore what the same Dropout layer, with the same seed, draws for one row of ones,
 * through the very same ops on the same backend. Leaves no tensors.
 * @param units the layer's units, a whole number >= 1
 * @param rate its dropout rate, 0 < rate < 1
 * @param seed the step's seed for the layer, a whole number >= 1
 * @throws RangeError for other units, rates or seeds
 */
export async function rebuildStepMask(units: number, rate: number, seed: number, guard: Guard = (work) => work): Promise<StepMask> {
  if (!Number.isInteger(units) || units < 1) throw new RangeError(`Units must be a whole number >= 1 (got ${units}).`);
  if (!(rate > 0 && rate < 1)) throw new RangeError(`The dropout rate must be in (0, 1) (got ${rate}).`);
  if (!Number.isInteger(seed) || seed < 1) throw new RangeError(`The seed must be a whole number >= 1 (got ${seed}).`);
  const layer = tf.layers.dropout({ rate, seed });
  const out = tf.tidy(() => layer.apply(tf.ones([1, units]), { training: true }) as tf.Tensor);
  try {
    const values = (await guard(out.data())) as Float32Array;
    const kept = Uint8Array.from(values, (v) => (v === 0 ? 0 : 1));
    const scale = values.find((v) => v !== 0) ?? 1 / (1 - rate);
    return { kept, scale };
  } finally {
    out.dispose();
  }
}
