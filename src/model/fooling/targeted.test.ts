import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedModel, shippedPlainNetwork, type LabelledDigit } from '../attribution/shippedForTests';
import { plainAllClassScores } from '../attribution/occlusion';
import { saliency } from '../attribution/saliency';
import { createRandom } from '../random';
import { TARGETED_ALPHA, TARGETED_MAX_STEPS, targetedAttack, type ClassGradient } from './attacks';
import { correctHeldOut, expectWithinBall, SEED, tfjsPredictions } from './foolingTestSet';

const EPSILON = 0.2;

let model: tf.LayersModel;
let chosen: LabelledDigit[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  model = await loadShippedModel();
  chosen = correctHeldOut(model);
});

afterAll(() => model.dispose());

describe('the targeted variant on the shipped model', () => {
  it('reaches a seeded target (never the true digit) on most of the 100 correctly classified held-out digits within its step bound', async () => {
    const baseline = tf.memory().numTensors;
    const gradientOf: ClassGradient = (image, classIndex) => saliency(model, image, classIndex);
    const scores = plainAllClassScores(shippedPlainNetwork());
    const rng = createRandom(SEED + 1);
    const targets = chosen.map(({ label }) => (label + 1 + Math.floor(rng() * 9)) % 10);
    const inputs = [];
    let reached = 0;
    let steps = 0;
    for (const [i, { image, label }] of chosen.entries()) {
      expect(targets[i]).not.toBe(label);
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
      `targeted (epsilon ${EPSILON}, alpha ${TARGETED_ALPHA}, at most ${TARGETED_MAX_STEPS} steps): ${reached} of ${chosen.length} reached (${confirmed} confirmed by tfjs), ${(steps / chosen.length).toFixed(1)} steps on average`,
    );
    expect(chosen.length).toBe(100);
    expect(confirmed).toBeGreaterThan(chosen.length / 2);
    expect(Math.abs(confirmed - reached)).toBeLessThanOrEqual(2);
    expect(tf.memory().numTensors).toBe(baseline);
  }, 300_000);
});
