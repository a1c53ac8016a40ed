/**
 * Occlusion sensitivity: hide one square patch of the image at a time, score the hidden
 * image, and see how much the score drops. A large drop means the network needed what the
 * patch hid. Framework-free: the caller supplies the score (for ConvLens, a class's
 * log-probability from the plain forward pass, `src/model/attribution/occlusion.ts`).
 */
import { createGrid, type Grid } from './grid';

/** Where and how the patch is slid over the image. */
export interface OcclusionOptions {
  /** Side of the square patch, in pixels (1..the image's shorter side). */
  readonly patch: number;
  /** Step between two patch positions, in pixels (1..patch: a longer step would leave pixels no patch hides). */
  readonly stride: number;
  /** The value written under the patch. */
  readonly fill: number;
}

/**
 * A 6x6 patch of background (0) moved 2 pixels at a time. An MNIST stroke is 2-4 pixels
 * wide inside a 20x20 box, so 6 pixels hide a whole piece of stroke (a crossing, an end, a
 * loop's side) while staying a third of the digit's size, small enough to say where. A
 * stride of 2 covers every pixel by up to 3x3 = 9 patches, so the per-pixel mean is smooth
 * rather than blocky, at 12 x 12 = 144 patch positions for a 28x28 digit: 145 scored images
 * with the unhidden one (about 0.15 s with the plain forward pass).
 */
export const DEFAULT_OCCLUSION: OcclusionOptions = Object.freeze({ patch: 6, stride: 2, fill: 0 });

/** Scores one image (row-major, the size of the occluded image); higher is more of the class. */
export type ImageScore = (pixels: Float32Array) => number;

/** What occluding every patch position did. */
export interface OcclusionResult {
  /** The score of the image itself. */
  readonly baseline: number;
  /** Top rows of the patch positions, in order (the rows of `drops`). */
  readonly rows: readonly number[];
  /** Left columns of the patch positions, in order (the columns of `drops`). */
  readonly cols: readonly number[];
  /** baseline - score with the patch at (rows[i], cols[j]), at row i, column j: positive where hiding hurt the class. */
  readonly drops: Grid;
  /** Image-sized: each pixel's mean drop over the patch positions that cover it. */
  readonly map: Grid;
  /** The largest |value| of `map` (0 when the map is all 0), for a symmetric colour scale. */
  readonly maxAbs: number;
}

/**
 * Offsets of a patch of `patch` pixels along a side of `side` pixels, `stride` apart from 0;
 * when the last step falls short of the far edge, one more position flush with it, so that
 * every pixel is covered at least once. Throws a RangeError for a patch that does not fit,
 * and for a stride that is not a whole number from 1 to `patch`.
 */
export function patchOffsets(side: number, patch: number, stride: number): number[] {
  if (!Number.isInteger(patch) || patch < 1 || patch > side)
    throw new RangeError(`The patch must be a whole number of pixels from 1 to ${side} (got ${patch}).`);
  if (!Number.isInteger(stride) || stride < 1) throw new RangeError(`The stride must be a whole number of pixels, at least 1 (got ${stride}).`);
  if (stride > patch) {
    throw new RangeError(
      `The stride (${stride}) must not be longer than the patch (${patch}): the pixels between two patch positions would never be hidden, and would have no drop to average.`,
    );
  }
  const offsets: number[] = [];
  for (let at = 0; at + patch <= side; at += stride) offsets.push(at);
  if (offsets[offsets.length - 1] + patch < side) offsets.push(side - patch);
  return offsets;
}

/** Scores one image for several classes at once (row-major pixels): entry c is class c's score. */
export type ImageScores = (pixels: Float32Array) => ArrayLike<number>;

/**
 * Slides the patch over `image` and scores each occluded copy for `classes` classes at once
 * (one call of `scores` per image, so a network's one pass serves every class). A generator:
 * it yields after each patch position (the count done so far), so a caller can spread the
 * work over several frames and give up between two positions (see `runInSlices` in
 * ./slices.ts); it returns one result per class. `scores` gets one working array that is
 * reused from call to call: it must read it, not keep it. Worked in double precision, stored
 * as float32.
 */
export function* occlusionSteps(
  image: Grid,
  scores: ImageScores,
  classes: number,
  options: OcclusionOptions = DEFAULT_OCCLUSION,
): Generator<number, OcclusionResult[], void> {
  const { height, width } = image;
  const { patch, stride, fill } = options;
  const rows = patchOffsets(height, patch, stride);
  const cols = patchOffsets(width, patch, stride);
  const work = Float32Array.from(image.data);
  const baselines = Float64Array.from(scores(work));
  if (baselines.length !== classes) throw new RangeError(`The score gave ${baselines.length} values; ${classes} classes were asked for.`);
  const drops = Array.from({ length: classes }, () => createGrid(rows.length, cols.length));
  const sums = Array.from({ length: classes }, () => new Float64Array(height * width));
  const count = new Uint16Array(height * width);
  let done = 0;
  for (let i = 0; i < rows.length; i++) {
    const top = rows[i];
    for (let j = 0; j < cols.length; j++) {
      const left = cols[j];
      for (let r = top; r < top + patch; r++) work.fill(fill, r * width + left, r * width + left + patch);
      const hidden = scores(work);
      for (let c = 0; c < classes; c++) {
        const drop = baselines[c] - hidden[c];
        drops[c].data[i * cols.length + j] = drop;
        const sum = sums[c];
        for (let r = top; r < top + patch; r++) for (let x = left; x < left + patch; x++) sum[r * width + x] += drop;
      }
      for (let r = top; r < top + patch; r++) {
        for (let x = left; x < left + patch; x++) {
          const p = r * width + x;
          count[p]++;
          work[p] = image.data[p];
        }
      }
      yield ++done;
    }
  }
  return sums.map((sum, c) => {
    const map = createGrid(height, width);
    let maxAbs = 0;
    for (let p = 0; p < map.data.length; p++) {
      map.data[p] = sum[p] / count[p];
      maxAbs = Math.max(maxAbs, Math.abs(map.data[p]));
    }
    return { baseline: baselines[c], rows, cols, drops: drops[c], map, maxAbs };
  });
}

/** Runs a generator to its end at once and returns what it returns. */
export function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Slides the patch over `image` and scores each occluded copy with one score. `score` gets
 * one working array that is reused from call to call: it must read it, not keep it. Scores
 * run rows.length x cols.length + 1 times. Worked in double precision, stored as float32.
 */
export function occlusionSensitivity(image: Grid, score: ImageScore, options: OcclusionOptions = DEFAULT_OCCLUSION): OcclusionResult {
  return runToEnd(occlusionSteps(image, (pixels) => [score(pixels)], 1, options))[0];
}
