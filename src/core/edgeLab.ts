import { convolve2d, type ConvOptions } from './convolve';
import type { EdgeRule } from './edgeRule';
import type { Grid } from './grid';
import { scaleInput } from './inputScale';
import { pool2d, type PoolOptions } from './pool';
import { thresholdGrid } from './threshold';

/** What one kernel makes of the input in the edge-filter experiment. */
export interface EdgeMap {
  /** The convolution output (unbounded values), shape from convOutputSize. */
  raw: Grid;
  /** 1 where `raw` passes the rule's threshold, else 0; same shape as `raw`. */
  fired: Grid;
  /** Number of 1 cells in `fired`. */
  onCount: number;
  /** `fired` pooled with the given pooling options. */
  pooled: Grid;
}

/** The whole edge-filter experiment for one input (see {@link runEdgeFilters}). */
export interface EdgeLabResult {
  /** The image as the filters see it: scaleInput(image, rule.input). */
  input: Grid;
  /** One entry per kernel, in the kernels' order. */
  maps: EdgeMap[];
}

/**
 * Runs the edge-filter experiment on one image: scale the grey levels by the rule's input
 * scale, convolve with each kernel, threshold each result by the rule (1 = fires), then pool
 * each binary map.
 *
 * @param image H x W Grid of grey levels in [0, 1] (normally a 28x28 MNIST digit)
 * @param kernels the kernels (row-major Grids of any shape), e.g. ARTICLE_FILTERS' kernels
 * @param rule input scale, threshold and comparator
 * @param conv stride and symmetric zero padding of the convolution
 * @param pool pooling applied to each fired map
 */
export function runEdgeFilters(image: Grid, kernels: readonly Grid[], rule: EdgeRule, conv: ConvOptions, pool: PoolOptions): EdgeLabResult {
  const input = scaleInput(image, rule.input);
  const maps = kernels.map((kernel): EdgeMap => {
    const raw = convolve2d(input, kernel, conv);
    const { grid: fired, onCount } = thresholdGrid(raw, rule.threshold, rule.comparator);
    return { raw, fired, onCount, pooled: pool2d(fired, pool) };
  });
  return { input, maps };
}
