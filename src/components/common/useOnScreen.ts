import { useEffect, useState, type RefObject } from 'react';

/** How far outside the viewport an element still counts as on screen (it catches up ahead of a scroll). */
const MARGIN = '200px';

/**
 * Whether the element in `ref` intersects the viewport (within a margin), as an
 * IntersectionObserver sees it. True until the first observation, so a view shows the
 * latest input when it mounts; a hidden tab's elements are not on screen.
 */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setOnScreen(entries[entries.length - 1].isIntersecting), { rootMargin: MARGIN });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return onScreen;
}
