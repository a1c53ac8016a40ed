import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelSession, SessionStatus } from '../../model/session';

export interface ModelSessionState {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
  /** Why the network could not be loaded, in the current language. */
  readonly error: string | null;
}

/**
 * How long after the first view has painted tfjs starts loading when nothing asks for it
 * sooner: the first strokes of a class should not wait behind tfjs's start-up (predictions
 * come from the plain copy of the shipped model meanwhile).
 */
const QUIET_START_MS = 1500;
/** Then it waits for an idle moment, at most this long. */
const IDLE_TIMEOUT_MS = 1000;

/** Calls `work` once the browser has painted, `delayMs` have passed and it is idle; returns the cancel function. */
function afterPaint(delayMs: number, work: () => void): () => void {
  let timer = 0;
  let idle = 0;
  const whenIdle = () => {
    idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS }) : window.setTimeout(work, 0);
  };
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(whenIdle, delayMs);
  });
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    window.clearTimeout(idle);
  };
}

/**
 * Loads tfjs and the pretrained model lazily and follows the session's status. Loading
 * starts once `start` is true (the first view is ready) and that view has painted: at once
 * when `soon` (a view that uses tfjs is open), otherwise after a quiet moment. The session
 * is disposed when the component unmounts.
 */
export function useModelSession(start = true, soon = false): ModelSessionState {
  const { t } = useTranslation('errors');
  const [state, setState] = useState<ModelSessionState>({ session: null, status: null, error: null });
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (!start || started) return;
    return afterPaint(soon ? 0 : QUIET_START_MS, () => setStarted(true));
  }, [start, soon, started]);
  useEffect(() => {
    if (!started) return;
    let live = true;
    let session: ModelSession | null = null;
    let unsubscribe = () => {};
    import('../../model/session')
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
