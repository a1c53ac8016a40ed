import { createGrid, type Grid } from './grid';

/** The non-linearities a ConvLens network can use after a convolution or a dense layer. */
export type ActivationName = 'relu' | 'sigmoid' | 'tanh';

export const ACTIVATION_NAMES: readonly ActivationName[] = ['relu', 'sigmoid', 'tanh'];

/** ReLU: max(0, x). Negative values are clipped to zero. */
export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/** Slope of ReLU: 1 for x > 0, 0 otherwise (0 at x = 0, as tfjs uses). */
export function reluDerivative(x: number): number {
  return x > 0 ? 1 : 0;
}

/** Sigmoid: 1 / (1 + e^-x), in (0, 1). Computed without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Slope of sigmoid: s(x) * (1 - s(x)); at most 0.25, at x = 0. */
export function sigmoidDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

/** Slope of tanh: 1 - tanh(x)^2; at most 1, at x = 0. */
export function tanhDerivative(x: number): number {
  const t = Math.tanh(x);
  return 1 - t * t;
}

/** A non-linearity and its slope, by name. */
export const ACTIVATIONS: Readonly<
  Record<ActivationName, { readonly f: (x: number) => number; readonly df: (x: number) => number; readonly range: readonly [number, number] }>
> = {
  relu: { f: relu, df: reluDerivative, range: [0, Number.POSITIVE_INFINITY] },
  sigmoid: { f: sigmoid, df: sigmoidDerivative, range: [0, 1] },
  tanh: { f: Math.tanh, df: tanhDerivative, range: [-1, 1] },
};

/** A new Grid of the same shape with the activation applied to every cell. */
export function applyActivation(grid: Grid, name: ActivationName): Grid {
  const { f } = ACTIVATIONS[name];
  const out = new Float32Array(grid.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(grid.data[i]);
  return createGrid(grid.height, grid.width, out);
}

/**
 * `points` evenly spaced samples of the activation and its slope over [from, to] (for plots):
 * each sample is `[x, f(x), f'(x)]`. `points` must be an integer >= 2.
 */
export function sampleActivation(name: ActivationName, from: number, to: number, points: number): [number, number, number][] {
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`points must be an integer >= 2, got ${points}`);
  const { f, df } = ACTIVATIONS[name];
  return Array.from({ length: points }, (_, i) => {
    const x = from + ((to - from) * i) / (points - 1);
    return [x, f(x), df(x)];
  });
}
