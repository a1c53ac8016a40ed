import type { KeyboardEvent } from 'react';

/**
 * Keyboard handler for a tab list (WAI-ARIA tabs pattern): Left / Right move to the previous /
 * next tab (wrapping), Home / End to the first / last; the tab reached is selected and focused.
 * Tabs are found by their element id, `${idPrefix}${id}`.
 */
export function tabListKeys<T extends string>(ids: readonly T[], current: T, select: (id: T) => void, idPrefix = 'tab-') {
  return (e: KeyboardEvent<HTMLElement>) => {
    const i = ids.indexOf(current);
    const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: ids.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const id = ids[(moves[e.key] + ids.length) % ids.length];
    select(id);
    document.getElementById(`${idPrefix}${id}`)?.focus();
  };
}
