import { startTransition, useEffect, useState } from 'react';
import type { LayerOutput } from '../../model/activations';

/**
 * The layer outputs the CNN view shows, outside React state: the view writes each new set in,
 * and each layer's canvas subscribes and repaints itself, so a pen move re-renders no layer.
 */
export interface LayerStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): readonly LayerOutput[] | null;
  set(layers: readonly LayerOutput[] | null): void;
  /** The layer called `name` in the latest set. */
  layer(name: string): LayerOutput | undefined;
}

export function createLayerStore(): LayerStore {
  let layers: readonly LayerOutput[] | null = null;
  let byName = new Map<string, LayerOutput>();
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: () => layers,
    set(next) {
      if (next === layers) return;
      layers = next;
      byName = new Map((next ?? []).map((l) => [l.name, l]));
      listeners.forEach((l) => l());
    },
    layer: (name) => byName.get(name),
  };
}

/**
 * The layer called `name`, for text and legends that need not follow every pen move: updated
 * at most once every `intervalMs`, and always with the latest layer once the updates stop.
 * While `onScreen` is false nothing is updated; the latest layer comes when it is true again.
 * Updates render as a transition, so they never hold up the paint of a pen move.
 */
export function useSlowLayer(store: LayerStore, name: string, intervalMs: number, onScreen = true): LayerOutput | undefined {
  const [layer, setLayer] = useState(() => store.layer(name));
  useEffect(() => {
    if (!onScreen) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      timer = undefined;
      last = performance.now();
      const next = store.layer(name);
      startTransition(() => setLayer(next));
    };
    update();
    const unsubscribe = store.subscribe(() => {
      if (timer !== undefined) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) update();
      else timer = setTimeout(update, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, name, intervalMs, onScreen]);
  return layer;
}
