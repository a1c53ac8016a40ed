import { useEffect, useMemo, useRef, useState } from 'react';
import type { Image28 } from '../../core/grid';
import type { LayerOutput } from '../../model/activations';
import type { PlainNetwork } from '../../model/plainForward';
import type { ModelSession } from '../../model/session';

/**
 * What computed the layer outputs: the plain-JavaScript copy of the model in view (no tensors),
 * or tfjs (while the model in view trains, or before its plain copy is made).
 */
export type ComputePath = 'plain' | 'tfjs';

export interface LayerOutputsState {
  readonly layers: LayerOutput[] | null;
  /** The image these outputs belong to. */
  readonly image: Image28 | null;
  readonly error: string | null;
  /** Which of the two computed `layers`; null while there are none. */
  readonly path: ComputePath | null;
}

/**
 * Runs the model in view on the current image (the shipped model's plain copy `preview`
 * until the session is open) whenever the image or `modelVersion` changes.
 * When the session has a plain-JavaScript copy of the model in view, the pass runs during the
 * render itself, so the layers commit together with the image (the pen's frame). Otherwise
 * (the model in view is training) it runs on tfjs, and requests are coalesced: while one
 * pass is running, only the latest request waits, so a fast pen never queues up stale work.
 */
export function useLayerOutputs(session: ModelSession | null, image: Image28 | null, modelVersion: number, preview: PlainNetwork | null = null): LayerOutputsState {
  const [state, setState] = useState<LayerOutputsState>({ layers: null, image: null, error: null, path: null });
  const immediate = useMemo<LayerOutputsState | null>(() => {
    // Before the session (and tfjs) is there, the shipped model's plain copy answers.
    const layers = !image ? null : session ? session.inspectNow(image.data) : (preview?.run(image.data) ?? null);
    return layers ? { layers, image, error: null, path: 'plain' } : null;
    // modelVersion: the weights in view changed, so the same image gives other outputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, image, modelVersion, preview]);
  const latest = useRef<{ session: ModelSession | null; image: Image28 | null }>({ session, image });
  const running = useRef(false);
  const dirty = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    latest.current = { session, image };
    if (!session || !image || immediate) return;
    if (running.current) {
      dirty.current = true;
      return;
    }
    running.current = true;
    (async () => {
      do {
        dirty.current = false;
        const { session: s, image: img } = latest.current;
        if (!s || !img) break;
        try {
          const layers = await s.inspect(img.data);
          if (mounted.current && !dirty.current) setState({ layers, image: img, error: null, path: 'tfjs' });
        } catch (e) {
          if (mounted.current) setState((prev) => ({ ...prev, error: e instanceof Error ? e.message : String(e) }));
        }
      } while (dirty.current && mounted.current);
      running.current = false;
    })();
  }, [session, image, modelVersion, immediate]);

  return immediate ?? state;
}
