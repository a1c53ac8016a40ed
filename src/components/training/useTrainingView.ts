import { useCallback, useSyncExternalStore } from 'react';
import type { TrainingView } from './useTrainingRun';
import type { ViewStore } from './viewStore';

const whole = (view: TrainingView) => view;

/**
 * The part of the training run's view that `select` picks (the whole view by default); the
 * component re-renders only when that part changes. `select` must return a part of the view
 * as it is (a field), not a new object, or every change would look like one.
 */
export function useTrainingView<T = TrainingView>(store: ViewStore<TrainingView>, select: (view: TrainingView) => T = whole as (view: TrainingView) => T): T {
  const snapshot = useCallback(() => select(store.get()), [store, select]);
  return useSyncExternalStore(store.subscribe, snapshot, snapshot);
}
