import { useDeferredValue, type ReactNode } from 'react';
import type { TabId } from '../../state/shareState';

export interface TabPanelProps {
  readonly id: TabId;
  readonly active: boolean;
  readonly children: ReactNode;
}

/**
 * One tab's panel. Its content stays mounted when another tab is chosen (so its state is
 * kept). While it is hidden it follows the app at low priority: a pen stroke on one tab is
 * rendered at once, and the hidden tabs catch up in the background between pen events
 * (React's deferred rendering), so they never delay what the user is looking at.
 */
export function TabPanel({ id, active, children }: TabPanelProps) {
  const deferred = useDeferredValue(children);
  return (
    <div role="tabpanel" id={`tabpanel-${id}`} aria-labelledby={`tab-${id}`} hidden={!active}>
      {active ? children : deferred}
    </div>
  );
}
