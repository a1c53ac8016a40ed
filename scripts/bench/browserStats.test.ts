import { describe, expect, it } from 'vitest';
import { summariseFrames, summariseTaps, tapDurations, tapPercentile } from './browserStats';

describe('tap percentiles with the "< 16 ms" bucket', () => {
  it('reads a percentile inside the bucket as "< 16", counted as 16', () => {
    const taps = [...Array<null>(96).fill(null), 24, 24, 32, 40];
    expect(tapPercentile(taps, 50)).toEqual({ ms: 16, under: true });
    expect(tapPercentile(taps, 96)).toEqual({ ms: 16, under: true });
    expect(tapPercentile(taps, 97)).toEqual({ ms: 24, under: false });
    expect(tapPercentile(taps, 100)).toEqual({ ms: 40, under: false });
  });

  it('sorts entries above the bucket, whatever their order', () => {
    const taps = [40, null, 16, null, 24, null, null, null, null, null];
    expect(tapPercentile(taps, 70)).toEqual({ ms: 16, under: true });
    expect(tapPercentile(taps, 80)).toEqual({ ms: 16, under: false });
    expect(tapPercentile(taps, 90)).toEqual({ ms: 24, under: false });
    expect(tapPercentile(taps, 95)).toEqual({ ms: 40, under: false });
  });

  it('summarises taps and has no percentile without taps', () => {
    const summary = summariseTaps([null, null, 32, 16]);
    expect(summary).toMatchObject({ taps: 4, under16: 2, p50: { ms: 16, under: true }, p95: { ms: 32, under: false }, max: { ms: 32, under: false } });
    expect(tapPercentile([], 50).ms).toBeNaN();
  });
});

describe('tapDurations', () => {
  it('takes the longest entry among the tap’s own events, none when it has no entry', () => {
    const taps = [
      { down: 100, last: 130 },
      { down: 300, last: 310 },
      { down: 500, last: 505 },
    ];
    const entries = [
      { name: 'pointerover', startTime: 90, duration: 200 },
      { name: 'pointerdown', startTime: 100, duration: 24 },
      { name: 'click', startTime: 130.2, duration: 32 },
      { name: 'click', startTime: 400, duration: 56 },
      { name: 'pointerup', startTime: 505, duration: 16 },
    ];
    expect(tapDurations(taps, entries)).toEqual([32, null, 16]);
  });
});

describe('summariseFrames', () => {
  it('gives the frame rate over the span and interval percentiles', () => {
    const stamps = Array.from({ length: 61 }, (_, i) => i * 16 + (i === 60 ? 34 : 0));
    const f = summariseFrames(stamps);
    expect(f.frames).toBe(61);
    expect(f.fps).toBeCloseTo((60 * 1000) / (59 * 16 + 50), 6);
    expect(f.p50Interval).toBe(16);
    expect(f.p95Interval).toBe(16);
    expect(f.maxInterval).toBe(50);
  });

  it('has no rate for fewer than two frames and refuses decreasing timestamps', () => {
    expect(summariseFrames([5]).fps).toBeNaN();
    expect(() => summariseFrames([10, 5])).toThrow(/must not decrease/);
  });
});
