import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../model/trainMetrics';
import { heldOutPoints, type RunRecord } from './useRunHistory';

const epoch = (n: number, heldOutAccuracy: number): EpochMetrics => ({
  epoch: n,
  trainLoss: 1,
  trainAccuracy: 0.9,
  heldOutLoss: 2 - n,
  heldOutAccuracy,
  elapsedSeconds: n,
});

describe('heldOutPoints', () => {
  it('places each completed epoch at the digits seen by its end', () => {
    const run: RunRecord = {
      meta: { firstLayer: 'random', dropout: [0], trainExamples: 100, epochs: 3 },
      history: [epoch(1, 0.4), epoch(2, 0.6)],
      examplesTotal: 300,
    };
    expect(heldOutPoints(run, (e) => e.heldOutAccuracy)).toEqual([
      [100, 0.4],
      [200, 0.6],
    ]);
    expect(heldOutPoints(run, (e) => e.heldOutLoss)).toEqual([
      [100, 1],
      [200, 0],
    ]);
  });
});
