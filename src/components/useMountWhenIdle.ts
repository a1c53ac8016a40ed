import { useEffect, useState } from 'react';

/** How long a panel waits for an idle moment before it mounts anyway, ms. */
const IDLE_TIMEOUT_MS = 3000;

/**
 * Whether to mount a lazily loaded panel that stays mounted while its tab is hidden (the
 * training panel, the model library, the exercises): from the first time its tab opens, or
 * at the first idle moment once `startDone` (the first view is on screen), whichever comes
 * first. So its chunk never competes with the first paint, yet its keyboard shortcut (T
 * starts a run from any tab) and its state are there long before a user reaches for them.
 * Once mounted it stays mounted.
 */
export function useMountWhenIdle(open: boolean, startDone: boolean): boolean {
  const [mounted, setMounted] = useState(open);
  if (open && !mounted) setMounted(true);
  useEffect(() => {
    if (mounted || !startDone) return;
    const mount = () => setMounted(true);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(mount, { timeout: IDLE_TIMEOUT_MS });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(mount, IDLE_TIMEOUT_MS);
    return () => clearTimeout(id);
  }, [mounted, startDone]);
  return mounted;
}
