import { describe, expect, it } from 'vitest';
import { ratesAttribute, rounded } from './trialRates';

describe('a backend trial’s rates as the panel shows them', () => {
  it('rounds to whole digits a second, keeping one decimal below ten', () => {
    expect([rounded(1234.6), rounded(10), rounded(9.96), rounded(5.54), rounded(0.04)]).toEqual([1235, 10, 10, 5.5, 0]);
  });

  it('lists every backend tried with its rate or error, with no grouping or locale separators', () => {
    const rates = [
      { backend: 'wasm' as const, examplesPerSecond: 12345.4, error: null },
      { backend: 'webgl' as const, examplesPerSecond: null, error: 'no OffscreenCanvas' },
      { backend: 'cpu' as const, examplesPerSecond: 6.25, error: null },
    ];
    expect(ratesAttribute(rates)).toBe('wasm:12345,webgl:error,cpu:6.3');
  });
});
