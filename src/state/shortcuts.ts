/**
 * The keyboard shortcuts of the main actions, as one table: the overlay lists it and the key
 * handler reads it, so the two never disagree.
 */

export type ShortcutAction =
  | 'tab-filters'
  | 'tab-network'
  | 'tab-training'
  | 'tab-lessons'
  | 'tab-learned'
  | 'clear'
  | 'undo'
  | 'random-sample'
  | 'train'
  | 'presenter'
  | 'copy-link'
  | 'help';

export interface Shortcut {
  /** The key as `KeyboardEvent.key` reports it (letters in lower case). */
  readonly key: string;
  readonly action: ShortcutAction;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: '1', action: 'tab-filters' },
  { key: '2', action: 'tab-network' },
  { key: '3', action: 'tab-training' },
  { key: '4', action: 'tab-lessons' },
  { key: '5', action: 'tab-learned' },
  { key: 'c', action: 'clear' },
  { key: 'u', action: 'undo' },
  { key: 'r', action: 'random-sample' },
  { key: 't', action: 'train' },
  { key: 'p', action: 'presenter' },
  { key: 'l', action: 'copy-link' },
  { key: '?', action: 'help' },
];

/** What a key press needs to be matched (a subset of KeyboardEvent). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly isComposing?: boolean;
}

/**
 * The action of a key press, or null. Presses with Ctrl, Cmd or Alt belong to the browser and
 * the system (copy, paste, tab switching), and presses while an input method composes text
 * belong to the text, so neither is ever taken.
 */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return SHORTCUTS.find((s) => s.key === key)?.action ?? null;
}
