import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grid } from '../../core/grid';
import { runToEnd } from '../../core/occlusion';
import { buildModel } from '../build';
import { PlainNetwork } from '../plainForward';
import { plainAllClassScores } from '../attribution/occlusion';
import { saliency } from '../attribution/saliency';
import { loadShippedModel, shippedPlainNetwork, type LabelledDigit } from '../attribution/shippedForTests';
import type { ModelSpec } from '../spec';
import { snapshotWeights } from '../weights';
import { EPSILON_GRID, EPSILON_STEP, fgsmDirection, fgsmInput, smallestFlipSteps, TARGETED_ALPHA, targetedAttack, type ClassGradient } from './attacks';
import { correctHeldOut, expectWithinBall, tfjsPredictions } from './foolingTestSet';

const EPSILON = 0.2;

let model: tf.LayersModel;
let gradientOf: ClassGradient;
let chosen: LabelledDigit[];
let baseline: number;

beforeAll(async () => {
  await tf.setBackend('cpu');
  model = await loadShippedModel();
  baseline = tf.memory().numTensors;
  gradientOf = (image, classIndex) => saliency(model, image, classIndex);
  chosen = correctHeldOut(model);
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
