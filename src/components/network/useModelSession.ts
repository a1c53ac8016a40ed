import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../core/abort';
import type { ModelSession, SessionStatus } from '../../model/session';
import { useSessionStatus } from './useSessionStatus';

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
 * is disposed when the component unmounts; its status is read with `useSyncExternalStore`.
 */
export function useModelSession(start = true, soon = false): ModelSessionState {
  const { t } = useTranslation('errors');
  const [state, setState] = useState<{ session: ModelSession | null; error: string | null }>({ session: null, error: null });
  const status = useSessionStatus(state.session);
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (!start || started) return;
    return afterPaint(soon ? 0 : QUIET_START_MS, () => setStarted(true));
  }, [start, soon, started]);
  useEffect(() => {
    if (!started) return;
    const controller = new AbortController();
    const { signal } = controller;
    let session: ModelSession | null = null;
    Promise.all([import('../../model/session'), import('../../worker/workerTrainer')])
      .then(([m, w]) => m.ModelSession.open({ signal, trainer: w.defaultTrainer() }))
      .then((s) => {
        // Opened just as it was cancelled: free it.
        if (signal.aborted) return s.dispose();
        session = s;
        setState({ session: s, error: null });
      })
      .catch((e: unknown) => {
        if (isAbortError(e) || signal.aborted) return;
        setState({ session: null, error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      controller.abort();
      session?.dispose();
    };
  }, [started]);
  return { session: state.session, status, error: state.error === null ? null : t('modelLoad', { detail: state.error }) };
}
