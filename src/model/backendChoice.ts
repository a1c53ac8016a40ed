/**
 * The training backend a machine chose: measured once by a backend trial, then remembered
 * (in localStorage on the page, or any store with the same two methods) under a key naming
 * the browser and the backends tried, so a browser update or a different set of backends
 * measures again.
 */
import { runBackendTrial, TRIAL_BACKENDS, type BackendRate, type TrialBackend, type TrialOptions, type TrialResult, type TrialWorkload } from './backendTrial';

/** The part of the Web Storage API a choice is remembered in. */
export interface ChoiceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A trial's result, and whether it was remembered from an earlier visit rather than measured now. */
export interface BackendChoice extends TrialResult {
  readonly remembered: boolean;
  /** When it was measured (ms since 1970). */
  readonly measuredAt: number;
}

const KEY_PREFIX = 'convlens.trainingBackend.v1';

/** The storage key of the choice for this browser (its user agent) and these backends. */
export function choiceKey(userAgent: string, backends: readonly TrialBackend[] = TRIAL_BACKENDS): string {
  return `${KEY_PREFIX}|${backends.join(',')}|${userAgent}`;
}

function isRate(value: unknown): value is BackendRate {
  const r = value as BackendRate | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    TRIAL_BACKENDS.includes(r.backend) &&
    ((typeof r.examplesPerSecond === 'number' && r.examplesPerSecond > 0 && r.error === null) || (r.examplesPerSecond === null && typeof r.error === 'string'))
  );
}

function parseChoice(text: string): Omit<BackendChoice, 'remembered'> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const c = value as Partial<BackendChoice> | null;
  if (typeof c !== 'object' || c === null || !Array.isArray(c.rates) || !c.rates.every(isRate)) return null;
  const chosen = c.rates.find((r) => r.backend === c.choice);
  if (!chosen || chosen.examplesPerSecond === null) return null;
  if (![c.batchSize, c.timedSteps, c.measuredAt].every((n) => typeof n === 'number' && Number.isFinite(n) && n > 0)) return null;
  return { choice: chosen.backend, rates: c.rates, batchSize: c.batchSize!, timedSteps: c.timedSteps!, measuredAt: c.measuredAt! };
}

/** The remembered choice under `key`, or null when there is none or it is unreadable. */
export function rememberedChoice(storage: ChoiceStorage | null, key: string): BackendChoice | null {
  let text: string | null;
  try {
    text = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  const parsed = text === null ? null : parseChoice(text);
  return parsed && { ...parsed, remembered: true };
}

/** Remembers a trial's result; false when the storage refused it (full, or forbidden). */
export function rememberChoice(storage: ChoiceStorage | null, key: string, result: TrialResult, measuredAt: number): boolean {
  if (!storage) return false;
  try {
    storage.setItem(
      key,
      JSON.stringify({ choice: result.choice, rates: result.rates, batchSize: result.batchSize, timedSteps: result.timedSteps, measuredAt }),
    );
    return true;
  } catch {
    return false;
  }
}

export interface ChooseOptions extends TrialOptions {
  /** Where the choice is remembered; null to measure every time. */
  readonly storage: ChoiceStorage | null;
  /** The browser's user agent (navigator.userAgent). */
  readonly userAgent: string;
  /** Measure again even when a choice is remembered. */
  readonly remeasure?: boolean;
}

/**
 * The remembered choice for this browser and these backends, or, at the first run, a trial
 * (see runBackendTrial) whose result is then remembered. Rejects as the trial does when no
 * backend can train (nothing is remembered then).
 */
export async function chooseTrainingBackend(makeWorkload: () => TrialWorkload, options: ChooseOptions): Promise<BackendChoice> {
  const key = choiceKey(options.userAgent, options.backends ?? TRIAL_BACKENDS);
  const remembered = options.remeasure ? null : rememberedChoice(options.storage, key);
  if (remembered) return remembered;
  const result = await runBackendTrial(makeWorkload, options);
  const measuredAt = Date.now();
  rememberChoice(options.storage, key, result, measuredAt);
  return { ...result, measuredAt, remembered: false };
}
