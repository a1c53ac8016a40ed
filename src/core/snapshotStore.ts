/**
 * The weight copies a training run keeps for its replay, within a memory bound. Pure and
 * immutable: every change returns a new store, so a view can hold one and compare it by
 * identity. The copies themselves are any value with a byte count (the app keeps
 * `WeightSnapshot`s: Float32Arrays, 4 bytes a weight).
 *
 * Staying within the bound, deterministically: a copy that would go over it first thins the
 * copies taken inside the first epoch (every second one goes, the first one stays), and when
 * none are left keeps every second end of epoch (then every fourth, ...: the epochs that are
 * a multiple of `epochStride`), always with the newest copy; a single copy larger than the
 * bound is not kept at all (`tooLarge` says how large it was).
 */
import type { ReplayPoint } from './replaySchedule';

export interface StoredSnapshot<T> {
  readonly point: ReplayPoint;
  readonly snapshot: T;
  readonly bytes: number;
}

export interface SnapshotStore<T> {
  /** Oldest first. */
  readonly entries: readonly StoredSnapshot<T>[];
  /** The sum of the entries' bytes, never above `limit`. */
  readonly bytes: number;
  readonly limit: number;
  /** Ends of epochs kept: those whose epoch is a multiple of this (and the newest). */
  readonly epochStride: number;
  /** Copies dropped to stay within the bound, so far. */
  readonly dropped: number;
  /** The bytes of a copy refused for being larger than the whole bound; null when none was. */
  readonly tooLarge: number | null;
}

/** An empty store that keeps at most `limit` bytes. */
export function emptySnapshotStore<T>(limit: number): SnapshotStore<T> {
  if (!(limit > 0)) throw new RangeError(`The bound must be positive (got ${limit}).`);
  return { entries: [], bytes: 0, limit, epochStride: 1, dropped: 0, tooLarge: null };
}

const total = <T>(entries: readonly StoredSnapshot<T>[]) => entries.reduce((sum, e) => sum + e.bytes, 0);

/** Every second first-epoch copy removed (the first kept); the only one removed when it is alone. */
function thinFirstEpoch<T>(entries: readonly StoredSnapshot<T>[]): StoredSnapshot<T>[] {
  const within = entries.filter((e) => !e.point.endOfEpoch);
  const gone = new Set(within.length === 1 ? within : within.filter((_, i) => i % 2 === 1));
  return entries.filter((e) => !gone.has(e));
}

/** The ends of epochs a stride keeps: multiples of it, and the newest entry whatever its epoch. */
function keepStride<T>(entries: readonly StoredSnapshot<T>[], stride: number): StoredSnapshot<T>[] {
  const newest = entries[entries.length - 1];
  return entries.filter((e) => e === newest || !e.point.endOfEpoch || e.point.epoch % stride === 0);
}

/**
 * The store with the copy taken at `point` added (`bytes` its size, > 0), thinned to stay
 * within the bound as described above.
 */
export function addSnapshot<T>(store: SnapshotStore<T>, point: ReplayPoint, snapshot: T, bytes: number): SnapshotStore<T> {
  if (bytes > store.limit) return { ...store, tooLarge: bytes };
  const before = store.entries.length + 1;
  // The copy that was only kept for being the newest goes once a newer one comes.
  let entries = keepStride([...store.entries, { point, snapshot, bytes }], store.epochStride);
  let stride = store.epochStride;
  while (total(entries) > store.limit) {
    if (entries.some((e) => !e.point.endOfEpoch)) entries = thinFirstEpoch(entries);
    else {
      stride *= 2;
      entries = keepStride(entries, stride);
    }
  }
  return { ...store, entries, bytes: total(entries), epochStride: stride, dropped: store.dropped + before - entries.length };
}

/** The entry whose point is closest to `examplesSeen` from below (the first one when none is); -1 for an empty store. */
export function entryAt<T>(store: SnapshotStore<T>, examplesSeen: number): number {
  let found = store.entries.length ? 0 : -1;
  store.entries.forEach((e, i) => {
    if (e.point.examplesSeen <= examplesSeen) found = i;
  });
  return found;
}
