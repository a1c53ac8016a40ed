import { describe, expect, it } from 'vitest';
import { checkSigmoidRun, finishedRunOf, RELU_REFERENCE, SIGMOID_RECIPE_REACHES, SIGMOID_TOLERANCE } from './sigmoidRun';

const sigmoid = { activation: 'sigmoid' };
const relu = { activation: 'relu' };

describe('the sigmoid exercise', () => {
  it('passes a sigmoid run within ten points of the ReLU reference', () => {
    const r = checkSigmoidRun({ convBlocks: [sigmoid, sigmoid], dense: [sigmoid], heldOutAccuracy: RELU_REFERENCE - SIGMOID_TOLERANCE + 0.001 });
    expect(r.verdict).toBe('pass');
    expect(r.needed).toBe(0.85);
    expect(checkSigmoidRun({ convBlocks: [sigmoid], dense: [], heldOutAccuracy: 0.97 }).verdict).toBe('pass');
  });

  it('fails a sigmoid run just below the bar', () => {
    expect(checkSigmoidRun({ convBlocks: [sigmoid], dense: [], heldOutAccuracy: 0.849 }).verdict).toBe('tooLow');
    expect(checkSigmoidRun({ convBlocks: [sigmoid], dense: [], heldOutAccuracy: 0.85 }).verdict).toBe('pass');
  });

  it('fails a sigmoid run that stays too low', () => {
    const r = checkSigmoidRun({ convBlocks: [sigmoid, sigmoid], dense: [sigmoid], heldOutAccuracy: 0.4 });
    expect(r).toMatchObject({ verdict: 'tooLow', accuracy: 0.4, needed: 0.85 });
  });

  it('names the layers that do not use sigmoid', () => {
    const r = checkSigmoidRun({ convBlocks: [sigmoid, relu], dense: [relu], heldOutAccuracy: 0.98 });
    expect(r.verdict).toBe('notSigmoid');
    expect(r.notSigmoid).toEqual({ convBlocks: [2], dense: [1] });
  });

  it('has a hinted recipe whose measured range straddles the bar, as the hints say (train again if a run falls short)', () => {
    const { needed } = checkSigmoidRun(null);
    expect(SIGMOID_RECIPE_REACHES.low).toBeLessThan(needed);
    expect(SIGMOID_RECIPE_REACHES.high).toBeGreaterThanOrEqual(needed);
  });

  it('asks for a run when there is none', () => {
    expect(checkSigmoidRun(null).verdict).toBe('noRun');
    expect(checkSigmoidRun({ convBlocks: [sigmoid], dense: [], heldOutAccuracy: NaN }).verdict).toBe('noRun');
  });
});

describe('the run the sigmoid exercise reads', () => {
  const trained = { training: false, hasTrained: true, trainedName: null, trainedSpec: { convBlocks: [sigmoid], dense: [] }, trainedAccuracy: 0.96 };

  it('is the model trained on this page, once its run is over', () => {
    expect(finishedRunOf(trained)).toEqual({ convBlocks: [sigmoid], dense: [], heldOutAccuracy: 0.96 });
    expect(checkSigmoidRun(finishedRunOf(trained)).verdict).toBe('pass');
  });

  it('is nothing while training, without a finished epoch, or for a loaded or uploaded model', () => {
    expect(finishedRunOf(null)).toBeNull();
    expect(finishedRunOf({ ...trained, training: true })).toBeNull();
    expect(finishedRunOf({ ...trained, trainedAccuracy: null })).toBeNull();
    expect(finishedRunOf({ ...trained, hasTrained: false })).toBeNull();
    expect(finishedRunOf({ ...trained, trainedName: 'from a friend' })).toBeNull();
  });
});
