import { describe, expect, it } from 'vitest';
import type { ReplayPoint } from './replaySchedule';
import { isFirstEpochPoint, plannedPoints } from './replaySchedule';
import { addSnapshot, emptySnapshotStore, entryAt, type SnapshotStore } from './snapshotStore';

const within = (batch: number): ReplayPoint => ({ epoch: 1, batch, batchesPerEpoch: 8, examplesSeen: batch * 4, endOfEpoch: false });
const end = (epoch: number): ReplayPoint => ({ epoch, batch: 8, batchesPerEpoch: 8, examplesSeen: epoch * 32, endOfEpoch: true });
const labels = (store: SnapshotStore<string>) => store.entries.map((e) => e.snapshot);

describe('replay schedule', () => {
  it('keeps batches 1, 2, 4, 8, ... of the first epoch only, below its end', () => {
    const kept = Array.from({ length: 40 }, (_, i) => i + 1).filter((b) => isFirstEpochPoint(1, b, 33));
    expect(kept).toEqual([1, 2, 4, 8, 16, 32]);
    expect(isFirstEpochPoint(1, 8, 8)).toBe(false);
    expect(isFirstEpochPoint(2, 1, 8)).toBe(false);
    expect(plannedPoints(20, 8)).toBe(3 + 20);
    expect(plannedPoints(2, 1)).toBe(2);
  });
});

describe('snapshot store', () => {
  it('keeps everything while it fits', () => {
    let store = emptySnapshotStore<string>(100);
    for (const [p, name] of [
      [within(1), 'w1'],
      [within(2), 'w2'],
      [end(1), 'e1'],
    ] as const)
      store = addSnapshot(store, p, name, 10);
    expect(labels(store)).toEqual(['w1', 'w2', 'e1']);
    expect(store.bytes).toBe(30);
    expect(store.dropped).toBe(0);
    expect(entryAt(store, 9)).toBe(1);
    expect(entryAt(store, 0)).toBe(0);
  });

  it('thins first-epoch copies first, then keeps every 2nd, 4th ... epoch end and the newest, never over the bound', () => {
    let store = emptySnapshotStore<string>(65);
    const history: string[][] = [];
    const add = (p: ReplayPoint, name: string) => {
      store = addSnapshot(store, p, name, 10);
      expect(store.bytes).toBeLessThanOrEqual(65);
      expect(store.bytes).toBe(store.entries.length * 10);
      history.push(labels(store));
    };
    [1, 2, 4].forEach((b) => add(within(b), `w${b}`));
    for (let e = 1; e <= 20; e++) add(end(e), `e${e}`);
    expect(history[6]).toEqual(['w1', 'w4', 'e1', 'e2', 'e3', 'e4']);
    expect(history[7]).toEqual(['w1', 'e1', 'e2', 'e3', 'e4', 'e5']);
    expect(history[8]).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expect(history[9]).toEqual(['e2', 'e4', 'e6', 'e7']);
    expect(history[10]).toEqual(['e2', 'e4', 'e6', 'e8']);
    expect(labels(store)).toEqual(['e4', 'e8', 'e12', 'e16', 'e20']);
    expect(store.epochStride).toBe(4);
    expect(store.dropped).toBe(23 - 5);
  });

  it('refuses a copy larger than the whole bound, and says how large it was', () => {
    const store = addSnapshot(emptySnapshotStore<string>(50), end(1), 'huge', 51);
    expect(store.entries).toHaveLength(0);
    expect(store.bytes).toBe(0);
    expect(store.tooLarge).toBe(51);
    expect(() => emptySnapshotStore(0)).toThrow(RangeError);
  });
});
