import type * as tf from '@tensorflow/tfjs';
import type { Random } from './random';

/** What ConvLens touches of a tfjs Dropout layer: the seed it reads at every call. */
export interface SeededDropout {
  seed?: number;
}

/** The model's dropout layers. */
export function dropoutLayersOf(model: tf.LayersModel): SeededDropout[] {
  return model.layers.filter((layer) => layer.getClassName() === 'Dropout') as unknown as SeededDropout[];
}

/**
 * Runs `work` (one training step) with every dropout layer seeded from `rng`. tfjs does
 * honour a Dropout layer's `seed`, but it starts a new generator from it at every call, so a
 * fixed seed draws the same mask at every step; without one it draws from Math.random. So
 * each step gives each layer a fresh seed from the run's own generator, for that step only
 * (the layers' own settings are put back at once, so a saved model carries none of them).
 * `work` is given the step's seeds, one per layer, in the layers' order.
 */
export function withSeededDropout<T>(layers: readonly SeededDropout[], rng: Random, work: (seeds: readonly number[]) => T): T {
  const before = layers.map((layer) => layer.seed);
  // tfjs treats 0 as "no seed", so the seeds are 1..2^31-1.
  const seeds = layers.map(() => 1 + Math.floor(rng() * 0x7ffffffe));
  layers.forEach((layer, i) => {
    layer.seed = seeds[i];
  });
  try {
    return work(seeds);
  } finally {
    layers.forEach((layer, i) => {
      layer.seed = before[i];
    });
  }
}
