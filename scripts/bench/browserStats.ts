/**
 * Statistics of what the browser itself measures (pure; node only): Event Timing durations
 * of taps, and the intervals between animation frames.
 */
import { percentile } from './stats';

/**
 * The Event Timing threshold the bench observes with (`durationThreshold: 16`, the smallest the
 * browser allows): an interaction that produced no entry took less than this.
 */
export const EVENT_THRESHOLD_MS = 16;

/** A tap's duration: milliseconds from the browser's entry, or null when it produced no entry (under 16 ms). */
export type TapDuration = number | null;

/** A percentile of tap durations: `ms` is 16 with `under` set when it falls in the "< 16 ms" bucket. */
export interface TapPercentile {
  readonly ms: number;
  readonly under: boolean;
}

export interface TapSummary {
  readonly taps: number;
  /** Taps with no Event Timing entry (under the threshold). */
  readonly under16: number;
  readonly p50: TapPercentile;
  readonly p95: TapPercentile;
  readonly max: TapPercentile;
}

/**
 * The nearest-rank percentile `p` of tap durations, where a tap without an entry sorts below
 * every entry (an entry is never under the threshold) and reads as "< 16 ms", counted as 16.
 */
export function tapPercentile(taps: readonly TapDuration[], p: number): TapPercentile {
  if (taps.length === 0) return { ms: NaN, under: false };
  // A null sorts first as -1, so the percentile's rank picks it exactly when the bucket reaches that far.
  const value = percentile(
    taps.map((d) => (d === null ? -1 : d)),
    p,
  );
  return value < 0 ? { ms: EVENT_THRESHOLD_MS, under: true } : { ms: value, under: false };
}

export function summariseTaps(taps: readonly TapDuration[]): TapSummary {
  return {
    taps: taps.length,
    under16: taps.filter((d) => d === null).length,
    p50: tapPercentile(taps, 50),
    p95: tapPercentile(taps, 95),
    max: tapPercentile(taps, 100),
  };
}

/** One tap as the page saw it: the timeStamps of its pointer down and of its last event (pointer up, click). */
export interface TapWindow {
  readonly down: number;
  readonly last: number;
}

/** An Event Timing entry as the bench keeps it. */
export interface EventEntry {
  readonly name: string;
  readonly startTime: number;
  readonly duration: number;
}

/**
 * Each tap's duration: the longest Event Timing entry whose start is one of the tap's own
 * events (from its pointer down to its last event, both inclusive), or null when there is none.
 * An entry's startTime is its event's timeStamp; `slackMs` absorbs a rounding difference.
 */
export function tapDurations(taps: readonly TapWindow[], entries: readonly EventEntry[], slackMs = 0.5): TapDuration[] {
  return taps.map(({ down, last }) => {
    const own = entries.filter((e) => e.startTime >= down - slackMs && e.startTime <= last + slackMs);
    return own.length ? Math.max(...own.map((e) => e.duration)) : null;
  });
}

export interface FrameSummary {
  readonly frames: number;
  /** Frames per second over the whole span (frames − 1 intervals). */
  readonly fps: number;
  readonly p50Interval: number;
  readonly p95Interval: number;
  readonly maxInterval: number;
}

/** Frame rate and interval percentiles of increasing requestAnimationFrame timestamps. */
export function summariseFrames(stamps: readonly number[]): FrameSummary {
  if (stamps.length < 2) return { frames: stamps.length, fps: NaN, p50Interval: NaN, p95Interval: NaN, maxInterval: NaN };
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i]);
  if (intervals.some((d) => d < 0)) throw new Error('Frame timestamps must not decrease.');
  const span = stamps[stamps.length - 1] - stamps[0];
  return {
    frames: stamps.length,
    fps: span > 0 ? (1000 * intervals.length) / span : NaN,
    p50Interval: percentile(intervals, 50),
    p95Interval: percentile(intervals, 95),
    maxInterval: Math.max(...intervals),
  };
}
