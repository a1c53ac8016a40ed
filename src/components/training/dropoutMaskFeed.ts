import type { DropoutMaskReport } from '../../model/trainMetrics';

/**
 * The latest dropout mask of the training run, outside React state: the Dropout panel
 * subscribes to it, so a new mask (a few a second) re-renders that panel only, not the
 * whole Train tab.
 */
export interface DropoutMaskFeed {
  /** The latest mask, or null before a run's first one (and after a reset). */
  get(): DropoutMaskReport | null;
  set(mask: DropoutMaskReport | null): void;
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void;
}

export function createDropoutMaskFeed(): DropoutMaskFeed {
  let latest: DropoutMaskReport | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => latest,
    set: (mask) => {
      if (mask === latest) return;
      latest = mask;
      listeners.forEach((listener) => listener());
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
