import { useState, type ReactNode } from 'react';

/**
 * `value` while `shown`; while not, the value it had when last shown (or first not null). A hidden view given its
 * props through this (and memoised) renders nothing while the input changes, and catches up
 * with the latest value in the render that shows it again.
 */
export function useWhileShown<T>(value: T, shown: boolean): T {
  const [kept, setKept] = useState(value);
  // Until there is something to keep (null: still loading), the value passes through.
  const follow = shown || kept === null || kept === undefined;
  if (follow && kept !== value) setKept(value);
  return follow ? value : kept;
}

/**
 * Its children while `shown`; while not, the children it had when last shown, so React skips
 * that subtree (a hidden tab's panels do no work while the app renders for another tab).
 */
export function Hold({ shown, children }: { readonly shown: boolean; readonly children: ReactNode }): ReactNode {
  return useWhileShown(children, shown);
}
