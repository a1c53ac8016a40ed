import { convOutputSize } from '../convolve';

/** A small convolution layer, optionally followed by a pooling window (stride = window). */
export interface SizeQuestion {
  /** Side of the square input, in cells. */
  readonly n: number;
  /** Side of the square kernel. */
  readonly k: number;
  readonly stride: number;
  readonly padding: number;
  /** Side of the pooling window (also its stride), or 0 for no pooling. */
  readonly pool: number;
}

/** The arithmetic behind the answer, for the explanation shown after a wrong answer. */
export interface SizeWorking {
  /** n + 2p - k, the distance the kernel can travel. */
  readonly travel: number;
  /** floor(travel / s) + 1: the convolution's output side. */
  readonly conv: number;
  /** floor(conv / pool) after pooling, or conv when there is no pooling. */
  readonly answer: number;
}

export type SizeVerdict = 'pass' | 'notANumber' | 'wrong';

export interface SizeCheck {
  readonly verdict: SizeVerdict;
  readonly working: SizeWorking;
}

/** A random number generator returning floats in [0, 1) (Math.random or a seeded one). */
export type Random = () => number;

function pick<T>(random: Random, choices: readonly T[]): T {
  return choices[Math.min(choices.length - 1, Math.floor(random() * choices.length))];
}

/**
 * A random question whose answer is at least 1: input 5..28, kernel 1..5 (odd), stride 1..3,
 * padding 0..2, pooling 2 or 3 in about half of the questions.
 */
export function randomSizeQuestion(random: Random = Math.random): SizeQuestion {
  for (;;) {
    const q: SizeQuestion = {
      n: pick(random, [5, 6, 7, 8, 9, 10, 12, 13, 14, 16, 26, 28]),
      k: pick(random, [1, 3, 5]),
      stride: pick(random, [1, 1, 2, 2, 3]),
      padding: pick(random, [0, 0, 1, 2]),
      pool: pick(random, [0, 0, 2, 3]),
    };
    if (solveSize(q).answer >= 1) return q;
  }
}

/** The output side of a question: floor((n + 2p - k) / s) + 1, then floor(conv / pool). */
export function solveSize(q: SizeQuestion): SizeWorking {
  const conv = convOutputSize(q.n, q.k, q.stride, q.padding);
  return { travel: q.n + 2 * q.padding - q.k, conv, answer: q.pool > 0 ? Math.floor(conv / q.pool) : conv };
}

/**
 * Checks a typed answer: 'notANumber' unless it is a whole number (spaces allowed around it),
 * 'wrong' or 'pass'. The working is always returned, for the explanation.
 */
export function checkOutputSize(q: SizeQuestion, typed: string): SizeCheck {
  const working = solveSize(q);
  const text = typed.trim();
  if (!/^\d+$/.test(text)) return { verdict: 'notANumber', working };
  return { verdict: Number(text) === working.answer ? 'pass' : 'wrong', working };
}
