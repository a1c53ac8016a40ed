import { useEffect, useState, type ReactNode } from 'react';

/** How long the children wait for an idle moment once `ready`, at most, ms. */
const IDLE_TIMEOUT_MS = 5000;

export interface MountWhenIdleProps {
  /** The children's tab is open: mount now. */
  readonly open: boolean;
  /** The first screen has settled (the first prediction is shown): mount at the next idle moment. */
  readonly ready: boolean;
  readonly children: ReactNode;
}

/**
 * Mounts panels that stay mounted while their tab is hidden (the training panel, the model
 * library, the exercises) from the first time their tab opens, or at the first idle moment
 * once the first screen has settled, whichever comes first; then keeps them mounted. So their
 * lazily loaded code never competes with the start, yet their keyboard shortcut (T starts a
 * run from any tab) and their state are there long before a user reaches for them.
 */
export function MountWhenIdle({ open, ready, children }: MountWhenIdleProps) {
  const [mounted, setMounted] = useState(open);
  if (open && !mounted) setMounted(true);
  useEffect(() => {
    if (mounted || !ready) return;
    const mount = () => setMounted(true);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(mount, { timeout: IDLE_TIMEOUT_MS });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(mount, IDLE_TIMEOUT_MS);
    return () => clearTimeout(id);
  }, [mounted, ready]);
  return mounted ? children : null;
}
