import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadMnist, MnistLoadError, type MnistLoadCode } from '../../data/loadMnist';
import type { MnistData } from '../../data/mnistFormat';

export interface MnistLoadState {
  readonly data: MnistData | null;
  readonly progress: number;
  /** Why the digits could not be loaded, in the current language. */
  readonly error: string | null;
}

interface Problem {
  readonly code: MnistLoadCode;
  readonly status?: number;
}

/** Loads the MNIST asset once, after the first paint, exposing progress and errors. */
export function useMnist(): MnistLoadState {
  const { t } = useTranslation('errors');
  const [state, setState] = useState<{ data: MnistData | null; progress: number; problem: Problem | null }>({ data: null, progress: 0, problem: null });
  useEffect(() => {
    let live = true;
    loadMnist((progress) => live && setState((s) => ({ ...s, progress })))
      .then((data) => live && setState({ data, progress: 1, problem: null }))
      .catch((e: unknown) => {
        if (!live) return;
        console.warn(e);
        const problem: Problem = e instanceof MnistLoadError ? { code: e.code, status: e.status } : { code: 'damaged' };
        setState({ data: null, progress: 0, problem });
      });
    return () => {
      live = false;
    };
  }, []);
  const { problem } = state;
  return { data: state.data, progress: state.progress, error: problem ? t(`mnist.${problem.code}`, { status: problem.status }) : null };
}
