import { describe, expect, it } from 'vitest';
import { checkOutputSize, randomSizeQuestion, solveSize } from './outputSize';

describe('the output-size exercise', () => {
  it('accepts the right answer and explains a wrong one', () => {
    const q = { n: 28, k: 3, stride: 1, padding: 0, pool: 2 };
    expect(checkOutputSize(q, ' 13 ')).toEqual({ verdict: 'pass', working: { travel: 25, conv: 26, answer: 13 } });
    expect(checkOutputSize(q, '26').verdict).toBe('wrong');
    expect(checkOutputSize(q, '26').working).toEqual({ travel: 25, conv: 26, answer: 13 });
  });

  it('rounds down with a stride and counts padding on both sides', () => {
    expect(solveSize({ n: 7, k: 3, stride: 2, padding: 1, pool: 0 })).toEqual({ travel: 6, conv: 4, answer: 4 });
    expect(solveSize({ n: 8, k: 3, stride: 2, padding: 0, pool: 0 }).answer).toBe(3);
    expect(solveSize({ n: 13, k: 5, stride: 3, padding: 2, pool: 3 })).toEqual({ travel: 12, conv: 5, answer: 1 });
  });

  it('says when the answer is not a whole number', () => {
    const q = { n: 5, k: 3, stride: 1, padding: 0, pool: 0 };
    for (const typed of ['', 'three', '3.0', '-3', '3x3']) expect(checkOutputSize(q, typed).verdict).toBe('notANumber');
  });

  it('makes questions with an answer of at least 1, from any random source', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 200; i++) expect(solveSize(randomSizeQuestion(random)).answer).toBeGreaterThanOrEqual(1);
    expect(solveSize(randomSizeQuestion(() => 0)).answer).toBeGreaterThanOrEqual(1);
    expect(solveSize(randomSizeQuestion(() => 0.999999)).answer).toBeGreaterThanOrEqual(1);
  });
});
