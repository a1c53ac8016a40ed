import { describe, expect, it } from 'vitest';
import { checkSigmoidRun, RELU_REFERENCE, SIGMOID_TOLERANCE } from './sigmoidRun';

const sigmoid = { activation: 'sigmoid' };
const relu = { activation: 'relu' };

describe('the sigmoid exercise', () => {
  it('passes a sigmoid run within two points of the ReLU reference', () => {
    const r = checkSigmoidRun({ convBlocks: [sigmoid, sigmoid], dense: [sigmoid], heldOutAccuracy: RELU_REFERENCE - SIGMOID_TOLERANCE + 0.001 });
    expect(r.verdict).toBe('pass');
    expect(r.needed).toBe(0.93);
    expect(checkSigmoidRun({ convBlocks: [sigmoid], dense: [], heldOutAccuracy: 0.97 }).verdict).toBe('pass');
  });

  it('fails a sigmoid run that stays too low', () => {
    const r = checkSigmoidRun({ convBlocks: [sigmoid, sigmoid], dense: [sigmoid], heldOutAccuracy: 0.4 });
    expect(r).toMatchObject({ verdict: 'tooLow', accuracy: 0.4, needed: 0.93 });
  });

  it('names the layers that do not use sigmoid', () => {
    const r = checkSigmoidRun({ convBlocks: [sigmoid, relu], dense: [relu], heldOutAccuracy: 0.98 });
    expect(r.verdict).toBe('notSigmoid');
    expect(r.notSigmoid).toEqual({ convBlocks: [2], dense: [1] });
  });

  it('asks for a run when there is none', () => {
    expect(checkSigmoidRun(null).verdict).toBe('noRun');
    expect(checkSigmoidRun({ convBlocks: [sigmoid], dense: [], heldOutAccuracy: NaN }).verdict).toBe('noRun');
  });
});
