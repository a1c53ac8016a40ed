import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelSession, SessionStatus } from '../model/session';

export interface ModelSessionState {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
  /** Why the network could not be loaded, in the current language. */
  readonly error: string | null;
}

/** Starts after the first paint that had `start` true, when the main thread is idle (at most this long after). */
const IDLE_TIMEOUT_MS = 300;

/** Calls `work` once the browser has painted and is idle; returns the cancel function. */
function afterPaint(work: () => void): () => void {
  let idle = 0;
  const frame = requestAnimationFrame(() => {
    idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS }) : window.setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    window.clearTimeout(idle);
  };
}

/**
 * Loads tfjs and the pretrained model lazily, once `start` is true (the edge-filter view
 * is ready) and that view has been painted, and follows the session's status. The session
 * is disposed when the component unmounts.
 */
export function useModelSession(start = true): ModelSessionState {
  const { t } = useTranslation('errors');
  const [state, setState] = useState<ModelSessionState>({ session: null, status: null, error: null });
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (!start || started) return;
    return afterPaint(() => setStarted(true));
  }, [start, started]);
  useEffect(() => {
    if (!started) return;
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
  }, [started]);
  return { ...state, error: state.error === null ? null : t('modelLoad', { detail: state.error }) };
}
