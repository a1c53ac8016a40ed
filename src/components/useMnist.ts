import { useEffect, useState } from 'react';
import { loadMnist } from '../data/loadMnist';
import type { MnistData } from '../data/mnistFormat';

export interface MnistLoadState {
  readonly data: MnistData | null;
  readonly progress: number;
  readonly error: string | null;
}

/** Loads the MNIST asset once, after the first paint, exposing progress and errors. */
export function useMnist(): MnistLoadState {
  const [state, setState] = useState<MnistLoadState>({ data: null, progress: 0, error: null });
  useEffect(() => {
    let live = true;
    loadMnist((progress) => live && setState((s) => ({ ...s, progress })))
      .then((data) => live && setState({ data, progress: 1, error: null }))
      .catch((e: unknown) => live && setState({ data: null, progress: 0, error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
