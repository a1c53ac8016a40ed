import { describe, expect, it } from 'vitest';
import { windowThroughput, type ProgressSample } from './rateWindow';

describe('windowThroughput', () => {
  it('takes the rate between the first and last sample inside the window', () => {
    // 32 examples every 100 ms from t = 1000, except a slow start (the first batch took 900 ms).
    const samples: ProgressSample[] = [[100, 0], ...Array.from({ length: 20 }, (_, i): ProgressSample => [1000 + 100 * i, 32 * (i + 1)])];
    const rate = windowThroughput(samples, 64, 320);
    // From 64 examples at 1100 ms to 320 examples at 1900 ms.
    expect(rate).toEqual({ examples: 256, seconds: 0.8, examplesPerSecond: 320 });
  });

  it('ends at the last sample when the run stopped before the window’s end', () => {
    const samples: ProgressSample[] = [
      [0, 32],
      [500, 64],
      [1500, 96],
    ];
    expect(windowThroughput(samples, 32, 10_000).examplesPerSecond).toBeCloseTo(64 / 1.5, 10);
  });

  it('says why when the window holds too few samples or no time', () => {
    expect(() => windowThroughput([[0, 10]], 0, 100)).toThrow(/Only 1 progress sample\(s\) between 0 and 100/);
    expect(() =>
      windowThroughput(
        [
          [0, 10],
          [0, 20],
        ],
        0,
        100,
      ),
    ).toThrow(/span 0 s/);
    expect(() => windowThroughput([], 100, 100)).toThrow(/empty/);
  });
});
