import { useSyncExternalStore } from 'react';
import type { ModelSession, SessionStatus } from '../../model/session';

const noSession = () => () => undefined;
const noStatus = () => null;

/** The session's status, re-rendering when it changes; null while there is no session. */
export function useSessionStatus(session: ModelSession | null): SessionStatus | null {
  return useSyncExternalStore(session?.subscribe ?? noSession, session?.getSnapshot ?? noStatus);
}
