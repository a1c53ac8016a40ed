/** localStorage key of the exercises' progress. */
export const PROGRESS_KEY = 'convlens.exercises';

/** The exercises, in the order they are shown. */
export const EXERCISE_IDS = ['stroke-filter', 'output-size', 'misclassified', 'sigmoid'] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];

/** Which exercises are done: the ids, each with the time it was first passed (ms since 1970). */
export type Progress = Readonly<Partial<Record<ExerciseId, number>>>;

/** The storage the progress lives in (window.localStorage, or a stand-in with the same methods). */
export interface ProgressStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Reads the progress from its JSON text. Anything that is not an object of known ids with
 * finite times is dropped: corrupt or foreign text gives empty progress, never an error.
 */
export function parseProgress(text: string | null): Progress {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Partial<Record<ExerciseId, number>> = {};
  for (const id of EXERCISE_IDS) {
    const at = (value as Record<string, unknown>)[id];
    if (typeof at === 'number' && Number.isFinite(at)) out[id] = at;
  }
  return out;
}

/** Loads the progress; an unreadable store (blocked, missing) gives empty progress. */
export function loadProgress(store: ProgressStore | null): Progress {
  try {
    return parseProgress(store ? store.getItem(PROGRESS_KEY) : null);
  } catch {
    return {};
  }
}

/**
 * Marks an exercise done (keeping the first time) and tries to remember it.
 * @returns the new progress, and whether it was stored (false when the store is full or blocked:
 *   the progress still counts for this page, it is just not remembered)
 */
export function markDone(store: ProgressStore | null, progress: Progress, id: ExerciseId, now: number): { progress: Progress; saved: boolean } {
  const next: Progress = progress[id] !== undefined ? progress : { ...progress, [id]: now };
  try {
    if (!store) return { progress: next, saved: false };
    store.setItem(PROGRESS_KEY, JSON.stringify(next));
    return { progress: next, saved: true };
  } catch {
    return { progress: next, saved: false };
  }
}
