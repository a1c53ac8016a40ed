import { ARTICLE_FILTERS } from '../core/filters';
import type { ModelSpec } from './spec';

/** How the first convolution layer starts a training run. */
export type FirstLayerStart = 'random' | 'edge-trainable' | 'edge-frozen';

export const FIRST_LAYER_STARTS: readonly FirstLayerStart[] = ['random', 'edge-trainable', 'edge-frozen'];

/**
 * The factor the article's edge filters (weights 2 and -1) are multiplied by before they
 * become conv1 kernels. The article applies them to 0/1 or 0-255 pixels with a +2
 * threshold; the network sees grey levels in [0, 1] and its random kernels are drawn with He
 * initialisation (standard deviation √(2/9) ≈ 0.47 per weight for a 3x3 kernel on one
 * channel, so a kernel's length is about √2 ≈ 1.41). An edge filter has length √18 ≈ 4.24;
 * a third of it has length √2, the same size as a random kernel, so the four hand-made
 * kernels neither dominate nor vanish next to the others. A scale keeps every ratio between
 * weights, so each kernel still responds to exactly the same edges. Biases start at 0 (a cell
 * responds where the weighted sum is positive, as the notebook's ">= 2 on 0-255" rule does).
 */
export const EDGE_FILTER_SCALE = 1 / 3;

/** Why the edge-filter start cannot be used with a spec, or null when it can. */
export type EdgeStartProblem = 'kernelSize' | 'filters' | null;

/**
 * The edge-filter start needs conv1 to be 3x3 (the filters' size) with at least 4 kernels
 * (one per filter); the input always has one channel.
 */
export function edgeStartProblem(spec: ModelSpec): EdgeStartProblem {
  const conv1 = spec.convBlocks[0];
  if (!conv1 || conv1.kernelSize !== 3) return 'kernelSize';
  if (conv1.filters < ARTICLE_FILTERS.length) return 'filters';
  return null;
}
