import { useCallback, useState, useSyncExternalStore } from 'react';
import type { InputSnapshot, InputStore } from '../../state/inputStore';

const NO_SUBSCRIPTION = () => () => {};

/**
 * The live input (the stroke so far, while the pen draws) for a view that shows it. While
 * `following` is false (its tab hidden, its panel scrolled away) the view is not subscribed and
 * keeps the snapshot it last showed, so a pen move renders nothing there; it catches up with
 * the latest snapshot in the render that makes `following` true again. Until it has an image
 * to keep (a sample's data still loading), it follows the store whatever `following` says.
 */
export function useLiveInput(store: InputStore, following = true): InputSnapshot {
  const [kept, setKept] = useState(store.get);
  const pass = following || kept.image === null;
  const subscribe = useCallback((onChange: () => void) => (pass ? store.subscribe(onChange) : NO_SUBSCRIPTION()), [store, pass]);
  const live = useSyncExternalStore(subscribe, store.get);
  if (pass && kept !== live) setKept(live);
  return pass ? live : kept;
}

/**
 * One value derived from the live input (a string, number or boolean: compared by value), so
 * a view re-renders only when that value changes, not on every pen move.
 */
export function useLiveValue<T extends string | number | boolean | null>(store: InputStore, select: (snapshot: InputSnapshot) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
