import { describe, expect, it } from 'vitest';
import { MAX_RUN_SEED, parseRunSeed, runSeedOf } from './runSeed';

describe('the run seed field', () => {
  it('reads blank as a random seed per run and a whole number as that seed', () => {
    expect(parseRunSeed('')).toEqual({ ok: true, seed: null });
    expect(parseRunSeed('  ')).toEqual({ ok: true, seed: null });
    expect(parseRunSeed('0')).toEqual({ ok: true, seed: 0 });
    expect(parseRunSeed(' 42 ')).toEqual({ ok: true, seed: 42 });
    expect(parseRunSeed(String(MAX_RUN_SEED))).toEqual({ ok: true, seed: MAX_RUN_SEED });
  });

  it.each(['-1', '1.5', '1e3', 'abc', '4 2', String(MAX_RUN_SEED + 1)])('turns %j away', (text) => {
    expect(parseRunSeed(text)).toEqual({ ok: false });
  });

  it('uses the seed given, or draws one in range when the field is blank', () => {
    expect(runSeedOf({ ok: true, seed: 7 }, () => 0.5)).toBe(7);
    expect(runSeedOf({ ok: true, seed: null }, () => 0.5)).toBe(500_000);
    expect(runSeedOf({ ok: true, seed: null }, () => 0.9999999999)).toBe(MAX_RUN_SEED);
    expect(runSeedOf({ ok: true, seed: null }, () => 0)).toBe(0);
  });
});
