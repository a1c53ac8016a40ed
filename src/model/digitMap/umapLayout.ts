/**
 * A 2-D layout of the digits by UMAP (the `umap-js` package): points near each other are
 * digits whose values at a layer are near each other. Unsupervised (no label is ever given to
 * it) and seeded with the project's generator, so the same digits, settings and seed give the
 * same layout on every run. The fitted layout also places a new digit (`transform`).
 */
import { UMAP } from 'umap-js';
import type { Pause } from '../../core/slices';
import { createRandom } from '../random';

/** UMAP's settings for a digit map. */
export interface DigitMapSettings {
  readonly nNeighbors: number;
  readonly minDist: number;
  readonly nEpochs: number;
  /** Seed of the generator UMAP draws from (createRandom). */
  readonly seed: number;
}

/** The settings of every digit map, in the app and in its tests alike. */
export const DIGIT_MAP_UMAP: DigitMapSettings = Object.freeze({
  /** Neighbours each digit is linked to (umap-js's default). */
  nNeighbors: 15,
  /** How tightly points may pack (umap-js's default). */
  minDist: 0.1,
  /**
   * Passes of the layout's optimisation: about 200 rather than umap-js's 500 for 1,000 points
   * (the 5-NN accuracies measured on the shipped model move by under a point, pixels 86.5 %
   * vs 87.7 %, dense 99.2 % vs 99.5 %, and a map takes about half the time). A multiple of 3:
   * umap-js 1.4's `transform` optimises a new point for nEpochs / 3 epochs and only stops
   * when its epoch count equals that number exactly, so any other count never ends.
   */
  nEpochs: 210,
  seed: 1,
});

/** Where the fit is: finding neighbours (one step), then laying out (one step an epoch). */
export interface LayoutProgress {
  readonly epoch: number;
  readonly epochs: number;
}

export interface FittedLayout {
  /** The fitted UMAP, to place new digits with {@link placeDigit}. */
  readonly umap: UMAP;
  /** Each row's place, interleaved x0, y0, x1, y1, ... (arbitrary units: only nearness means anything). */
  readonly xy: Float32Array;
}

/** Epochs between two pauses of {@link fitLayout}: a few milliseconds of work for 1,000 points. */
const EPOCHS_A_SLICE = 5;

/**
 * Fits a layout of `rows` (one equally long row a digit; the arrays are kept by the fitted
 * UMAP, do not change them). Finding the neighbours runs in one go (0.5-2 s for 1,000 digits),
 * then the layout improves epoch by epoch, with `pause` awaited every few epochs (where an
 * aborted `signal` stops the fit with its reason) and `onProgress` told each epoch.
 */
export async function fitLayout(
  rows: readonly Float32Array[],
  options: { signal?: AbortSignal; pause?: Pause; onProgress?: (p: LayoutProgress) => void; settings?: DigitMapSettings } = {},
): Promise<FittedLayout> {
  const { signal, pause, onProgress, settings = DIGIT_MAP_UMAP } = options;
  if (settings.nEpochs % 3 !== 0) throw new RangeError(`nEpochs must be a multiple of 3 (see DIGIT_MAP_UMAP), got ${settings.nEpochs}.`);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: settings.nNeighbors,
    minDist: settings.minDist,
    nEpochs: settings.nEpochs,
    random: createRandom(settings.seed),
  });
  signal?.throwIfAborted();
  // umap-js reads rows by index only, so typed arrays serve as its vectors without a copy.
  const epochs = umap.initializeFit(rows as unknown as number[][]);
  for (let epoch = 0; epoch < epochs; epoch++) {
    if (epoch % EPOCHS_A_SLICE === 0) {
      if (pause) await pause();
      signal?.throwIfAborted();
    }
    umap.step();
    onProgress?.({ epoch: epoch + 1, epochs });
  }
  return { umap, xy: Float32Array.from(umap.getEmbedding().flat()) };
}

/** Where the fitted layout puts a new digit's row (as long as the fitted rows): [x, y]. */
export function placeDigit(layout: FittedLayout, row: Float32Array): [number, number] {
  // The fitted UMAP's random stream moves on with each placement, so a digit's place may
  // differ slightly from one placement to the next; the fitted points never move.
  const [point] = layout.umap.transform([row as unknown as number[]]);
  return [point[0], point[1]];
}
