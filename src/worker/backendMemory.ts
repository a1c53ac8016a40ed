/**
 * The page's memory of the worker's backend trial (the worker has no localStorage): looked
 * up before each run and sent with it, and remembered when the worker measured a new one.
 * Keyed by the browser and the backends tried (backendChoice.ts), so a browser update
 * measures again. A storage that is missing, full or forbidden only means measuring again.
 */
import { choiceKey, rememberChoice, rememberedChoice, type BackendChoice, type ChoiceStorage } from '../model/backendChoice';
import { TRIAL_BACKENDS } from '../model/backendTrial';
import type { BackendRequest } from './protocol';

export interface BackendMemory {
  /** What the next run asks the worker for; `remeasure` drops what was remembered. */
  request(remeasure: boolean): BackendRequest;
  /** Remembers a trial the worker measured; false when the storage refused it. */
  remember(choice: BackendChoice): boolean;
}

export function backendMemory(storage: ChoiceStorage | null, userAgent: string): BackendMemory {
  const key = choiceKey(userAgent, TRIAL_BACKENDS);
  return {
    request: (remeasure) => ({ remembered: remeasure ? null : rememberedChoice(storage, key), remeasure }),
    remember: (choice) => rememberChoice(storage, key, choice, choice.measuredAt),
  };
}

/** The page's localStorage, or null where reading it throws (some private modes). */
export function pageStorage(): ChoiceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
