/**
 * A value that changes, and who listens: the training run's view lives here instead of in
 * the app's state, so a chart update re-renders only the components that read it (see
 * useTrainingView.ts), not the whole app around the Training tab.
 */
export interface ViewStore<T> {
  get(): T;
  /** Replaces the value (or derives it from the current one) and tells every listener. */
  set(next: T | ((current: T) => T)): void;
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void;
}

export function createViewStore<T>(initial: T): ViewStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      const updated = typeof next === 'function' ? (next as (current: T) => T)(value) : next;
      if (Object.is(updated, value)) return;
      value = updated;
      listeners.forEach((listener) => listener());
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
