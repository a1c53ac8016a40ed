import type { Image28 } from '../core/grid';
import type { LayerOutput } from '../model/activations';
import type { InputSource } from './labState';

/** The CNN's layer outputs for one image, and what computed them. */
export interface InputOutputs {
  readonly layers: LayerOutput[] | null;
  /** The image these outputs belong to. */
  readonly image: Image28 | null;
  /** Why the last pass failed (null when it did not). */
  readonly error: unknown;
  /** "plain" (the plain-JavaScript copy of the model) or "tfjs"; null while there are none. */
  readonly path: 'plain' | 'tfjs' | null;
}

/** The input as the page shows it right now: during a stroke, with the stroke so far. */
export interface InputSnapshot {
  readonly source: InputSource;
  /** The 28x28 image of `source` (null while a sample's data is still loading). */
  readonly image: Image28 | null;
  readonly outputs: InputOutputs;
}

/**
 * The live input, outside React state: the drawing pad writes every pen move here, and the
 * views that show the input live subscribe (`useSyncExternalStore`), so a pen move renders
 * only them. The lab state gets the stroke once it ends.
 */
export interface InputStore {
  subscribe(listener: () => void): () => void;
  get(): InputSnapshot;
  set(next: InputSnapshot): void;
}

export function createInputStore(initial: InputSnapshot): InputStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    get: () => current,
    set(next) {
      if (next === current) return;
      current = next;
      // A listener may unsubscribe another while this runs: iterate over a copy.
      [...listeners].forEach((l) => l());
    },
  };
}

/** True when `snapshot`'s input is an empty drawing: nothing to classify. */
export function isEmptyDrawing(snapshot: InputSnapshot): boolean {
  return snapshot.source.kind === 'drawing' && snapshot.source.strokes.length === 0;
}
