import { useSyncExternalStore } from 'react';
import type { ModelSession, SessionStatus } from '../../model/session';

const noSession = () => () => undefined;
const noStatus = () => null;

/** The session's status, re-rendering when it changes; null while there is no session. */
export function useSessionStatus(session: ModelSession | null): SessionStatus | null {
  return useSyncExternalStore(session?.subscribe ?? noSession, session?.getSnapshot ?? noStatus);
}

const noCount = () => null;

/**
 * The number of live tfjs tensors as the session last counted them (after every operation
 * that makes or frees tensors), re-rendering when it changes; null while there is no session.
 */
export function useTensorCount(session: ModelSession | null): number | null {
  return useSyncExternalStore(session?.subscribe ?? noSession, session?.getTensorCount ?? noCount);
}
