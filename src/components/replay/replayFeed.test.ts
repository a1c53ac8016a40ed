import { describe, expect, it } from 'vitest';
import type { ReplayPoint } from '../../core/replaySchedule';
import { DEFAULT_SPEC } from '../../model/spec';
import type { WeightSnapshot } from '../../model/weights';
import { createReplayFeed, shownIndex, snapshotBytes } from './replayFeed';

const copy = (n: number): WeightSnapshot => ({ weights: [{ name: 'conv1/kernel', shape: [n], values: new Float32Array(n) }] });
const end = (epoch: number): ReplayPoint => ({ epoch, batch: 10, batchesPerEpoch: 10, examplesSeen: epoch * 100, endOfEpoch: true });

describe('replay feed', () => {
  it('follows the newest copy until a copy is selected, keeps that one as more come, and starts afresh with a run or a reset', () => {
    const feed = createReplayFeed(1000);
    let changes = 0;
    feed.subscribe(() => changes++);
    feed.begin(DEFAULT_SPEC);
    [1, 2, 3].forEach((e) => feed.add(end(e), copy(25)));
    expect(snapshotBytes(copy(25))).toBe(100);
    expect(shownIndex(feed.get())).toBe(2);
    feed.select(0);
    feed.add(end(4), copy(25));
    expect(shownIndex(feed.get())).toBe(0);
    feed.select(99);
    expect(shownIndex(feed.get())).toBe(3);
    feed.select(null);
    feed.add(end(5), copy(25));
    expect(shownIndex(feed.get())).toBe(4);
    expect(feed.get().store.bytes).toBe(500);
    feed.begin(DEFAULT_SPEC);
    expect(feed.get().store.entries).toEqual([]);
    expect(shownIndex(feed.get())).toBe(-1);
    feed.clear();
    expect(feed.get().spec).toBeNull();
    expect(changes).toBeGreaterThan(8);
  });

  it('moves a selected copy that was thinned away to the kept copy before it', () => {
    const feed = createReplayFeed(350);
    feed.begin(DEFAULT_SPEC);
    [1, 2, 3].forEach((e) => feed.add(end(e), copy(25)));
    feed.select(0);
    // A fourth copy goes over 350 bytes: every second epoch is kept (2, and the newest, 4).
    feed.add(end(4), copy(25));
    expect(feed.get().store.entries.map((e) => e.point.epoch)).toEqual([2, 4]);
    expect(feed.get().selected?.point.epoch).toBe(2);
    expect(shownIndex(feed.get())).toBe(0);
  });
});
