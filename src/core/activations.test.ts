import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, ACTIVATIONS, applyActivation, relu, sampleActivation, sigmoid, sigmoidDerivative, tanhDerivative } from './activations';
import { gridFromRows, gridToRows } from './grid';

describe('activations', () => {
  it('computes the textbook values', () => {
    expect([relu(-3), relu(0), relu(2.5)]).toEqual([0, 0, 2.5]);
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2)).toBeCloseTo(0.880797, 6);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoidDerivative(0)).toBe(0.25);
    expect(tanhDerivative(0)).toBe(1);
  });

  it('has derivatives that match the slope of the function (finite differences)', () => {
    for (const name of ACTIVATION_NAMES) {
      const { f, df } = ACTIVATIONS[name];
      for (const x of [-4, -1.3, -0.2, 0.4, 1.7, 5]) {
        const h = 1e-5;
        expect(df(x), `${name} at ${x}`).toBeCloseTo((f(x + h) - f(x - h)) / (2 * h), 5);
      }
    }
  });

  it('shows why sigmoid gradients vanish: its slope is at most 1/4 and tiny away from 0', () => {
    const samples = sampleActivation('sigmoid', -8, 8, 161);
    expect(Math.max(...samples.map((s) => s[2]))).toBeCloseTo(0.25, 6);
    expect(sigmoidDerivative(6)).toBeLessThan(0.003);
    // Through four sigmoid layers the slope shrinks at least 4^4 = 256-fold; ReLU passes 1.
    expect(0.25 ** 4).toBeLessThan(1 / 255);
    expect(ACTIVATIONS.relu.df(3) ** 4).toBe(1);
  });

  it('applies an activation cell by cell and samples curves', () => {
    const g = gridFromRows([
      [-2, 0],
      [1, 3],
    ]);
    expect(gridToRows(applyActivation(g, 'relu'))).toEqual([
      [0, 0],
      [1, 3],
    ]);
    expect(applyActivation(g, 'tanh').data[0]).toBeCloseTo(Math.tanh(-2), 6);
    const s = sampleActivation('relu', -1, 1, 3);
    expect(s).toEqual([
      [-1, 0, 0],
      [0, 0, 0],
      [1, 1, 1],
    ]);
    expect(() => sampleActivation('relu', 0, 1, 1)).toThrow(RangeError);
  });
});
