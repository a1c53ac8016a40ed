import { useLayoutEffect, useRef } from 'react';

/**
 * A ref for a component's root element that counts the component's commits in its
 * `data-renders` attribute (the browser tests read it to prove a pen move does not render
 * a view). Costs one attribute write per commit.
 */
export function useCommitCount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const commits = useRef(0);
  useLayoutEffect(() => {
    commits.current += 1;
    ref.current?.setAttribute('data-renders', String(commits.current));
  });
  return ref;
}
