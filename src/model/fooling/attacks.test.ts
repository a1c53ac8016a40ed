import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxAbsDifference } from '../../core/adversarial';
import type { Grid } from '../../core/grid';
import { runToEnd } from '../../core/occlusion';
import { readMnist } from '../../data/node';
import { buildModel } from '../build';
import { PlainNetwork } from '../plainForward';
import { plainAllClassScores } from '../attribution/occlusion';
import { saliency } from '../attribution/saliency';
import { heldOutDigits, loadShippedModel, shippedPlainNetwork, type LabelledDigit } from '../attribution/shippedForTests';
import { createRandom, shuffleInPlace } from '../random';
import type { ModelSpec } from '../spec';
import { snapshotWeights } from '../weights';
import {
  EPSILON_GRID,
  EPSILON_STEP,
  fgsmDirection,
  fgsmInput,
  smallestFlipSteps,
  TARGETED_ALPHA,
  TARGETED_MAX_STEPS,
  targetedAttack,
  type ClassGradient,
} from './attacks';

const SEED = 16;
const COUNT = 100;
/**
 * The targeted variant runs on the first 40 of the seeded 100: a gradient costs about 0.1 s on
 * tfjs's node CPU backend and the attack takes about 6 on average, so all 100 would take over a minute.
 */
const TARGETED_COUNT = 40;
const EPSILON = 0.2;
/** float32 rounding of x + epsilon. */
const ROUNDING = 1e-6;

let model: tf.LayersModel;
let gradientOf: ClassGradient;
let chosen: LabelledDigit[];
let baseline: number;

/** The tfjs model's predicted class of each image, in one batch: a second route besides the plain pass. */
function tfjsPredictions(m: tf.LayersModel, images: readonly Grid[]): number[] {
  const probabilities = tf.tidy(() => {
    const batch = tf.tensor4d(Float32Array.from(images.flatMap((g) => Array.from(g.data))), [images.length, 28, 28, 1]);
    return (m.predict(batch) as tf.Tensor).argMax(-1).dataSync();
  });
  return Array.from(probabilities);
}

function expectWithinBall(adversarial: Grid, original: Grid, epsilon: number): void {
  for (const v of adversarial.data) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
  expect(maxAbsDifference(adversarial.data, original.data)).toBeLessThanOrEqual(epsilon + ROUNDING);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  model = await loadShippedModel();
  baseline = tf.memory().numTensors;
  gradientOf = (image, classIndex) => saliency(model, image, classIndex);
  const digits = heldOutDigits(readMnist(), 100);
  const predicted = tfjsPredictions(
    model,
    digits.map((d) => d.image),
  );
  const correct = digits.filter((d, i) => predicted[i] === d.label);
  chosen = shuffleInPlace(
    correct.map((_, i) => i),
    createRandom(SEED),
  )
    .slice(0, COUNT)
    .map((i) => correct[i]);
});

afterAll(() => model.dispose());

describe('FGSM on the shipped model', () => {
  it('at epsilon 0.2 flips at least half of 100 correctly classified held-out digits, inside [0, 1] and the epsilon ball', async () => {
    const adversarial: Grid[] = [];
    for (const { image, label } of chosen) {
      const input = fgsmInput(image, await fgsmDirection(gradientOf, image, label), EPSILON);
      expectWithinBall(input, image, EPSILON);
      adversarial.push(input);
    }
    const predicted = tfjsPredictions(model, adversarial);
    const flipped = predicted.filter((p, i) => p !== chosen[i].label).length;
    console.info(`FGSM at epsilon ${EPSILON}: ${flipped} of ${chosen.length} flipped (${((100 * flipped) / chosen.length).toFixed(0)} %)`);
    expect(flipped).toBeGreaterThanOrEqual(chosen.length / 2);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('the smallest flipping epsilon on the 0.01 grid flips, and the grid value below it does not (checked by the tfjs model)', async () => {
    const scores = plainAllClassScores(shippedPlainNetwork());
    const found: number[] = [];
    const at: Grid[] = [];
    const below: Grid[] = [];
    const labels: number[] = [];
    for (const { image, label } of chosen.slice(0, 20)) {
      const direction = await fgsmDirection(gradientOf, image, label);
      const search = runToEnd(smallestFlipSteps(scores, image, direction, label));
      if (search.epsilon === null) {
        expect(search.passes).toBe(EPSILON_GRID.length);
        continue;
      }
      expect(search.passes).toBe(Math.round(search.epsilon / EPSILON_STEP));
      found.push(search.epsilon);
      at.push(fgsmInput(image, direction, search.epsilon));
      below.push(fgsmInput(image, direction, search.epsilon - EPSILON_STEP));
      labels.push(label);
    }
    const atPredicted = tfjsPredictions(model, at);
    const belowPredicted = tfjsPredictions(model, below);
    labels.forEach((label, i) => {
      expect(atPredicted[i]).not.toBe(label);
      expect(belowPredicted[i]).toBe(label);
    });
    const sorted = [...found].sort((a, b) => a - b);
    console.info(
      `smallest flipping epsilon: found for ${found.length} of 20, median ${sorted[Math.floor(sorted.length / 2)]}, range ${sorted[0]}-${sorted.at(-1)}`,
    );
    expect(found.length).toBeGreaterThan(10);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('the targeted variant reaches a seeded target (not the true digit) on most of 40 of them within its step bound', async () => {
    const scores = plainAllClassScores(shippedPlainNetwork());
    const rng = createRandom(SEED + 1);
    const sample = chosen.slice(0, TARGETED_COUNT);
    const targets = sample.map(({ label }) => (label + 1 + Math.floor(rng() * 9)) % 10);
    const inputs: Grid[] = [];
    let reached = 0;
    let steps = 0;
    for (const [i, { image }] of sample.entries()) {
      const result = await targetedAttack(gradientOf, scores, image, targets[i], { epsilon: EPSILON, alpha: TARGETED_ALPHA, maxSteps: TARGETED_MAX_STEPS });
      expectWithinBall(result.input, image, EPSILON);
      expect(result.steps).toBeLessThanOrEqual(TARGETED_MAX_STEPS);
      inputs.push(result.input);
      if (result.reached) reached++;
      steps += result.steps;
    }
    const predicted = tfjsPredictions(model, inputs);
    const confirmed = predicted.filter((p, i) => p === targets[i]).length;
    console.info(
      `targeted (epsilon ${EPSILON}, alpha ${TARGETED_ALPHA}, at most ${TARGETED_MAX_STEPS} steps): ${reached} of ${sample.length} reached (${confirmed} confirmed by tfjs), ${(steps / sample.length).toFixed(1)} steps on average`,
    );
    expect(confirmed).toBeGreaterThan(sample.length / 2);
    expect(Math.abs(confirmed - reached)).toBeLessThanOrEqual(2);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

/** A network the editor allows with no dense layer: ReLU and max pooling, then tanh, stride 2, 'same' padding and average pooling. */
const NO_DENSE_SPEC: ModelSpec = {
  convBlocks: [
    { filters: 4, kernelSize: 3, stride: 1, padding: 'valid', activation: 'relu', pool: 'max', poolSize: 2 },
    { filters: 3, kernelSize: 3, stride: 2, padding: 'same', activation: 'tanh', pool: 'average', poolSize: 2 },
  ],
  dense: [],
};

describe('fooling a network without a dense layer (seeded, untrained)', () => {
  it('FGSM raises the loss and the targeted steps raise the target, inside [0, 1] and the epsilon ball', async () => {
    const other = buildModel(NO_DENSE_SPEC, { seed: 9 });
    const plain = PlainNetwork.create(NO_DENSE_SPEC, (await snapshotWeights(other)).weights);
    const scores = plainAllClassScores(plain);
    const before = tf.memory().numTensors;
    const otherGradient: ClassGradient = (image, classIndex) => saliency(other, image, classIndex);
    let lossRaised = 0;
    let targetRaised = 0;
    const digits = chosen.slice(0, 10);
    for (const { image, label } of digits) {
      const input = fgsmInput(image, await fgsmDirection(otherGradient, image, label), 0.02);
      expectWithinBall(input, image, 0.02);
      if (scores(input.data)[label] < scores(image.data)[label]) lossRaised++;
      const target = (label + 3) % 10;
      const result = await targetedAttack(otherGradient, scores, image, target, { epsilon: 0.1, alpha: TARGETED_ALPHA, maxSteps: 5 });
      expectWithinBall(result.input, image, 0.1);
      if (scores(result.input.data)[target] > scores(image.data)[target]) targetRaised++;
    }
    console.info(`no dense layer: FGSM raised the loss of ${lossRaised} of 10, the targeted steps raised the target of ${targetRaised} of 10`);
    expect(lossRaised).toBeGreaterThanOrEqual(9);
    expect(targetRaised).toBeGreaterThanOrEqual(9);
    expect(tf.memory().numTensors).toBe(before);
    other.dispose();
  });
});
