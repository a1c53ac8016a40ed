import { describe, expect, it } from 'vitest';
import { checkMisclassified, topClass } from './misclassified';

/** Softmax-like output that puts most probability on `digit`. */
function sure(digit: number): Float32Array {
  const p = new Float32Array(10).fill(0.01);
  p[digit] = 0.91;
  return p;
}

describe('the find-a-digit-the-model-gets-wrong exercise', () => {
  it('passes when the model is wrong about an honestly labelled drawing or sample', () => {
    expect(checkMisclassified({ kind: 'drawing' }, 7, sure(1))).toEqual({ verdict: 'pass', truth: 7, predicted: 1 });
    expect(checkMisclassified({ kind: 'sample', digit: 4 }, 4, sure(9)).verdict).toBe('pass');
  });

  it('fails when the model is right', () => {
    expect(checkMisclassified({ kind: 'drawing' }, 3, sure(3))).toEqual({ verdict: 'modelRight', truth: 3, predicted: 3 });
    expect(checkMisclassified({ kind: 'sample', digit: 2 }, 2, sure(2)).verdict).toBe('modelRight');
  });

  it('does not accept a false label for an MNIST sample', () => {
    expect(checkMisclassified({ kind: 'sample', digit: 2 }, 5, sure(2))).toEqual({ verdict: 'labelMismatch', truth: 2, predicted: 2 });
  });

  it('asks for a label and for a prediction', () => {
    expect(checkMisclassified({ kind: 'upload' }, null, sure(2)).verdict).toBe('noLabel');
    expect(checkMisclassified({ kind: 'upload' }, 10, sure(2)).verdict).toBe('noLabel');
    expect(checkMisclassified({ kind: 'drawing' }, 2, null).verdict).toBe('noPrediction');
  });

  it('reads the top class like the prediction card', () => {
    expect(topClass(sure(6))).toBe(6);
    expect(topClass(new Float32Array(10))).toBe(0);
    expect(topClass(null)).toBeNull();
  });
});
