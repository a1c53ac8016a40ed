/**
 * Fooling the network: the fast gradient sign method (FGSM) and its iterative, targeted
 * variant on one 28x28 digit. Every gradient comes from the saliency code path (the gradient
 * of a class's log-probability with respect to the input, one tfjs forward and backward
 * pass, `attribution/saliency.ts`); predictions come from a plain pass (`ImageScores`, the
 * log-probabilities of the 10 classes), which is exact and cheap enough to run dozens of times.
 */
import { argmax } from '../../core/argmax';
import { epsilonGrid, gradientSign, perturbAlong, projectedStep } from '../../core/adversarial';
import { createGrid, type Grid } from '../../core/grid';
import type { ImageScores } from '../../core/occlusion';
import type { Saliency } from '../attribution/saliency';

/** The gradient of class `classIndex`'s log-probability for `image` (e.g. `ModelSession.saliency`). */
export type ClassGradient = (image: Grid, classIndex: number) => Promise<Saliency>;

/** The grid the smallest flipping epsilon is searched on: 0.01, 0.02, ... 0.50 (the slider's range). */
export const EPSILON_STEP = 0.01;
export const EPSILON_MAX = 0.5;
export const EPSILON_GRID: readonly number[] = epsilonGrid(EPSILON_STEP, EPSILON_MAX);

/** The targeted variant's step size (grey levels) and its step bound. */
export const TARGETED_ALPHA = 0.04;
export const TARGETED_MAX_STEPS = 12;

/**
 * The FGSM direction for `image` and class `label`: the sign of the gradient of the loss
 * -log p(label), i.e. minus the sign of the saliency of `label`. It does not depend on epsilon,
 * so one gradient serves every epsilon. Pixels with a zero gradient get 0.
 */
export async function fgsmDirection(gradientOf: ClassGradient, image: Grid, label: number): Promise<Int8Array> {
  const { gradient } = await gradientOf(image, label);
  return gradientSign(gradient.data, -1);
}

/** The FGSM input at `epsilon`: clip(x + epsilon sign(grad loss), 0, 1), as a grid the image's size. */
export function fgsmInput(image: Grid, direction: Int8Array, epsilon: number): Grid {
  return createGrid(image.height, image.width, perturbAlong(image.data, direction, epsilon));
}

/** The result of searching the epsilon grid for the smallest one that changes the prediction. */
export interface FlipSearch {
  /** The smallest epsilon of the grid whose FGSM input is predicted other than `predicted`; null when none of the grid does. */
  readonly epsilon: number | null;
  /** The class predicted at that epsilon (null with it). */
  readonly flippedTo: number | null;
  /** Plain passes run. */
  readonly passes: number;
}

/**
 * Walks the grid upwards, one plain pass per epsilon, and stops at the first epsilon whose
 * FGSM input is not predicted as `predicted` (so the grid value below it does not flip).
 * A generator yielding after each pass, for `runInSlices` or `runToEnd`.
 */
export function* smallestFlipSteps(
  scores: ImageScores,
  image: Grid,
  direction: Int8Array,
  predicted: number,
  grid: readonly number[] = EPSILON_GRID,
): Generator<void, FlipSearch, void> {
  let passes = 0;
  for (const epsilon of grid) {
    const predictedNow = argmax(scores(perturbAlong(image.data, direction, epsilon)));
    passes++;
    if (predictedNow !== predicted) return { epsilon, flippedTo: predictedNow, passes };
    yield;
  }
  return { epsilon: null, flippedTo: null, passes };
}

export interface TargetedSettings {
  readonly epsilon: number;
  readonly alpha: number;
  readonly maxSteps: number;
}

export interface TargetedResult {
  readonly input: Grid;
  /** Steps taken (gradient calls), at most `maxSteps`. */
  readonly steps: number;
  /** The class the final input is predicted as. */
  readonly predicted: number;
  /** True when the target won within the step bound. */
  readonly reached: boolean;
}

export interface TargetedOptions {
  /** Gives the attack up between two steps (it then rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** Awaited between two steps (e.g. to wait while the pen is down). */
  readonly pause?: () => Promise<void>;
}

/**
 * The iterative, targeted variant: x <- clip(x + alpha sign(grad log p(target))) (the same as
 * x - alpha sign(grad loss(x, target))), kept within `epsilon` of the original (L-infinity) and
 * in [0, 1], at most `maxSteps` times, stopping as soon as the plain pass predicts `target`.
 */
export async function targetedAttack(
  gradientOf: ClassGradient,
  scores: ImageScores,
  image: Grid,
  target: number,
  { epsilon, alpha, maxSteps }: TargetedSettings,
  { signal, pause }: TargetedOptions = {},
): Promise<TargetedResult> {
  let current: Float32Array = Float32Array.from(image.data);
  let predicted = argmax(scores(current));
  let steps = 0;
  while (predicted !== target && steps < maxSteps) {
    signal?.throwIfAborted();
    const { gradient } = await gradientOf(createGrid(image.height, image.width, current), target);
    current = projectedStep(current, image.data, gradientSign(gradient.data, 1), alpha, epsilon);
    steps++;
    predicted = argmax(scores(current));
    if (pause && predicted !== target) await pause();
  }
  signal?.throwIfAborted();
  return { input: createGrid(image.height, image.width, current), steps, predicted, reached: predicted === target };
}
