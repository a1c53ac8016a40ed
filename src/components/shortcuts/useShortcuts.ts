import { createContext, useContext, useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from '../../state/shortcuts';

type Handler = () => void;

/** Who answers each shortcut: panels register their actions, one key listener runs them. */
export interface ShortcutRegistry {
  /** Registers a handler; returns the function that removes it. */
  register(action: ShortcutAction, handler: Handler): () => void;
  /** Runs every handler of the action (e.g. switch to a tab and start there); false when none. */
  run(action: ShortcutAction): boolean;
}

export function createShortcutRegistry(): ShortcutRegistry {
  const handlers = new Map<ShortcutAction, Handler[]>();
  return {
    register(action, handler) {
      handlers.set(action, [...(handlers.get(action) ?? []), handler]);
      return () =>
        handlers.set(
          action,
          (handlers.get(action) ?? []).filter((h) => h !== handler),
        );
    },
    run(action) {
      const list = handlers.get(action) ?? [];
      for (const handler of list) handler();
      return list.length > 0;
    },
  };
}

export const ShortcutContext = createContext<ShortcutRegistry | null>(null);

/**
 * Registers handlers for actions while the component is mounted, in the given registry or the
 * one of the surrounding {@link ShortcutContext}. The latest handlers always run, without
 * registering again on every render.
 */
export function useShortcutActions(handlers: Partial<Record<ShortcutAction, Handler>>, registry?: ShortcutRegistry): void {
  const fromContext = useContext(ShortcutContext);
  const target = registry ?? fromContext;
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const actions = Object.keys(handlers).sort().join(' ');
  useEffect(() => {
    if (!target || !actions) return;
    const removers = (actions.split(' ') as ShortcutAction[]).map((action) => target.register(action, () => latest.current[action]?.()));
    return () => removers.forEach((remove) => remove());
  }, [target, actions]);
}

/** {@link useShortcutActions} for a single action. */
export function useShortcutAction(action: ShortcutAction, handler: Handler): void {
  useShortcutActions({ [action]: handler });
}

/** True when a key press is meant for a text field, a menu or an editable element. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/**
 * Listens for shortcut keys on the page and runs the registered actions. Keys pressed while
 * typing in a field or choosing from a menu are left alone; while `helpOnly` (the overlay is
 * open), only the help key works, to close it.
 */
export function useShortcutKeys(registry: ShortcutRegistry, helpOnly: boolean): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const action = shortcutFor(event);
      if (!action || (helpOnly && action !== 'help')) return;
      if (registry.run(action)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registry, helpOnly]);
}
