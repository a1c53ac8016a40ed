/** The largest run seed a student can type (the random ones are drawn below it too). */
export const MAX_RUN_SEED = 999_999;

/** What the seed field holds: blank (a new random seed for every run), a seed, or a mistake. */
export type RunSeedField = { readonly ok: true; readonly seed: number | null } | { readonly ok: false };

/**
 * Reads the training tab's seed field: blank means a random seed per run; otherwise a whole
 * number from 0 to MAX_RUN_SEED, with which a run repeats exactly (the same weights, digits,
 * order, distortions and dropout masks).
 */
export function parseRunSeed(text: string): RunSeedField {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, seed: null };
  if (!/^\d+$/.test(trimmed)) return { ok: false };
  const seed = Number(trimmed);
  return seed <= MAX_RUN_SEED ? { ok: true, seed } : { ok: false };
}

/** The seed a run uses: the one given, or a fresh random one from `random` (0..1). */
export function runSeedOf(field: RunSeedField, random: () => number): number {
  return field.ok && field.seed !== null ? field.seed : Math.floor(random() * (MAX_RUN_SEED + 1));
}
