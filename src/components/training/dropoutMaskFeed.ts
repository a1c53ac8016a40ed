import type { DropoutMaskReport } from '../../model/trainMetrics';
import { createViewStore, type ViewStore } from './viewStore';

/**
 * The latest dropout mask of the training run (null before a run's first one, and after a
 * reset), outside React state: the Dropout panel subscribes to it, so a new mask (a few a
 * second) re-renders that panel only, not the whole Train tab.
 */
export type DropoutMaskFeed = ViewStore<DropoutMaskReport | null>;

export function createDropoutMaskFeed(): DropoutMaskFeed {
  return createViewStore<DropoutMaskReport | null>(null);
}
