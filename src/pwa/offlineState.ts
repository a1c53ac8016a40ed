/**
 * What the page knows about working offline, as a tiny external store for React's
 * useSyncExternalStore: nothing to say yet, everything cached, or a new version waiting.
 */
export type OfflineState = 'idle' | 'ready' | 'update';

type Listener = () => void;

export interface OfflineStore {
  readonly get: () => OfflineState;
  readonly set: (next: OfflineState) => void;
  readonly subscribe: (listener: Listener) => () => void;
  /** Sets what activates a waiting new version (the service worker registration's job). */
  readonly setUpdater: (updater: () => void) => void;
  /** Activates the waiting new version, if there is one. */
  readonly update: () => void;
}

/** A store starting at 'idle'. A waiting update is never downgraded back to 'ready'. */
export function createOfflineStore(): OfflineStore {
  let state: OfflineState = 'idle';
  const listeners = new Set<Listener>();
  let updater: (() => void) | null = null;
  return {
    get: () => state,
    set(next) {
      if (next === state || (state === 'update' && next === 'ready')) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setUpdater(next) {
      updater = next;
    },
    update() {
      if (state === 'update') updater?.();
    },
  };
}

/** The page's one store. */
export const offlineStore = createOfflineStore();
