import { useCallback, useState } from 'react';
import { loadProgress, markDone, type ExerciseId, type Progress, type ProgressStore } from '../../core/exercises/progress';

/** The page's localStorage, or null where the browser refuses it (privacy modes, sandboxed frames). */
function browserStore(): ProgressStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The exercises done so far, remembered in localStorage when the browser lets it. */
export function useExerciseProgress() {
  const [progress, setProgress] = useState<Progress>(() => loadProgress(browserStore()));
  const [remembered, setRemembered] = useState(true);
  const complete = useCallback((id: ExerciseId) => {
    setProgress((current) => {
      if (current[id] !== undefined) return current;
      const result = markDone(browserStore(), current, id, Date.now());
      setRemembered(result.saved);
      return result.progress;
    });
  }, []);
  return { progress, remembered, complete };
}
