import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelSession, SessionStatus } from '../model/session';

export interface ModelSessionState {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
  /** Why the network could not be loaded, in the current language. */
  readonly error: string | null;
}

/**
 * Loads tfjs and the pretrained model lazily, after the edge-filter view is on screen, and
 * follows the session's status. The session is disposed when the component unmounts.
 */
export function useModelSession(): ModelSessionState {
  const { t } = useTranslation('errors');
  const [state, setState] = useState<ModelSessionState>({ session: null, status: null, error: null });
  useEffect(() => {
    let live = true;
    let session: ModelSession | null = null;
    let unsubscribe = () => {};
    import('../model/session')
      .then((m) => m.ModelSession.open())
      .then((s) => {
        if (!live) {
          s.dispose();
          return;
        }
        session = s;
        setState({ session: s, status: s.status, error: null });
        unsubscribe = s.subscribe((status) => setState({ session: s, status, error: null }));
      })
      .catch((e: unknown) => {
        if (live) setState({ session: null, status: null, error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
      unsubscribe();
      session?.dispose();
    };
  }, []);
  return { ...state, error: state.error === null ? null : t('modelLoad', { detail: state.error }) };
}
