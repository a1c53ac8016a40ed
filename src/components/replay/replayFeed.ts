/**
 * The training replay's state outside React: the run's network, its kept weight copies (a
 * bounded store, core/snapshotStore.ts) and the copy the scrubber is on. The training run
 * writes to it (begin, add, clear), the replay panel and the loss chart's marker read it.
 */
import type { ReplayPoint } from '../../core/replaySchedule';
import { addSnapshot, emptySnapshotStore, type SnapshotStore, type StoredSnapshot } from '../../core/snapshotStore';
import type { ModelSpec } from '../../model/spec';
import type { WeightSnapshot } from '../../model/weights';
import { createViewStore, type ViewStore } from '../training/viewStore';

/** At most this many bytes of weight copies are kept per run (20 MB, decimal). */
export const REPLAY_LIMIT_BYTES = 20_000_000;

export interface ReplayState {
  /** The network the run trains; null before the first run and after a reset. */
  readonly spec: ModelSpec | null;
  readonly store: SnapshotStore<WeightSnapshot>;
  /** The copy the scrubber is on; null while it follows the newest. */
  readonly selected: StoredSnapshot<WeightSnapshot> | null;
}

export interface ReplayFeed extends ViewStore<ReplayState> {
  /** A new run of `spec` starts: the previous run's copies go. */
  begin(spec: ModelSpec): void;
  /** Keeps a copy (thinning older ones to stay within the bound). */
  add(point: ReplayPoint, snapshot: WeightSnapshot): void;
  /** Puts the scrubber on the copy at `index` (clamped), or back on the newest with null. */
  select(index: number | null): void;
  /** Forgets the run (after a reset). */
  clear(): void;
}

/** The bytes a copy takes: its Float32Arrays. */
export function snapshotBytes(snapshot: WeightSnapshot): number {
  return snapshot.weights.reduce((sum, w) => sum + w.values.byteLength, 0);
}

/** Where the scrubber is: the selected copy's index, else the newest's (-1 when there is none). */
export function shownIndex(state: ReplayState): number {
  const { entries } = state.store;
  const at = state.selected ? entries.indexOf(state.selected) : -1;
  return at >= 0 ? at : entries.length - 1;
}

export function createReplayFeed(limit = REPLAY_LIMIT_BYTES): ReplayFeed {
  const empty = (spec: ModelSpec | null): ReplayState => ({ spec, store: emptySnapshotStore(limit), selected: null });
  const view = createViewStore<ReplayState>(empty(null));
  return {
    ...view,
    begin: (spec) => view.set(empty(spec)),
    add: (point, snapshot) =>
      view.set((s) => {
        const store = addSnapshot(s.store, point, snapshot, snapshotBytes(snapshot));
        // A selected copy thinned away: the scrubber moves to the copy before it in the run.
        const kept =
          s.selected && !store.entries.includes(s.selected)
            ? (store.entries.filter((e) => e.point.examplesSeen <= s.selected!.point.examplesSeen).at(-1) ?? store.entries[0])
            : s.selected;
        return { ...s, store, selected: kept };
      }),
    select: (index) =>
      view.set((s) => {
        const { entries } = s.store;
        if (index === null || entries.length === 0) return s.selected === null ? s : { ...s, selected: null };
        const entry = entries[Math.min(Math.max(Math.round(index), 0), entries.length - 1)];
        return entry === s.selected ? s : { ...s, selected: entry };
      }),
    clear: () => view.set(empty(null)),
  };
}
