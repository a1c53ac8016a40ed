import { useState } from 'react';
import type { FirstLayerStart } from '../../model/initFilters';
import type { EpochMetrics } from '../../model/trainMetrics';

/** What a run was started with, as the comparisons show it. */
export interface RunMeta {
  readonly firstLayer: FirstLayerStart;
  /** Dropout rate of each dense layer of the run's network. */
  readonly dropout: readonly number[];
  readonly trainExamples: number;
  readonly epochs: number;
}

/** A run with its per-epoch results (finished, stopped, or still going). */
export interface RunRecord {
  readonly meta: RunMeta;
  readonly history: readonly EpochMetrics[];
  /** Training digits seen in the whole run (epochs x digits), for the charts' x axis. */
  readonly examplesTotal: number;
}

/**
 * Remembers the run before the current one, so that two runs can be compared: when a new
 * run starts, the current one (if it completed at least one epoch) becomes `previous`.
 */
export function useRunHistory(epochs: readonly EpochMetrics[], examplesTotal: number | null) {
  const [meta, setMeta] = useState<RunMeta | null>(null);
  const [previous, setPrevious] = useState<RunRecord | null>(null);
  const current: RunRecord | null =
    meta && epochs.length > 0 ? { meta, history: epochs, examplesTotal: examplesTotal ?? meta.trainExamples * meta.epochs } : null;
  const begin = (next: RunMeta) => {
    if (current) setPrevious(current);
    setMeta(next);
  };
  return { current, previous, begin };
}

/** Held-out points [digits seen, value] of a run, one per completed epoch. */
export function heldOutPoints(run: RunRecord, pick: (e: EpochMetrics) => number): (readonly [number, number])[] {
  const perEpoch = run.examplesTotal / run.meta.epochs;
  return run.history.map((e, i) => [(i + 1) * perEpoch, pick(e)] as const);
}
