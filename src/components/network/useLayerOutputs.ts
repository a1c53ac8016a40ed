import { useEffect, useMemo, useRef, useState } from 'react';
import type { Image28 } from '../../core/grid';
import type { LayerOutput } from '../../model/activations';
import type { PlainNetwork } from '../../model/plainForward';
import type { ModelSession, SessionStatus } from '../../model/session';

/**
 * What computed the layer outputs: the plain-JavaScript copy of the model in view (no tensors),
 * or tfjs (while the model in view trains, or before its plain copy is made).
 */
export type ComputePath = 'plain' | 'tfjs';

export interface LayerOutputsState {
  readonly layers: LayerOutput[] | null;
  /** The image these outputs belong to. */
  readonly image: Image28 | null;
  /** Why the last pass failed (null when it did not). */
  readonly error: unknown;
  /** Which of the two computed `layers`; null while there are none. */
  readonly path: ComputePath | null;
}

/**
 * Runs the model in view on the current image (the shipped model's plain copy `preview`
 * until the session is open) whenever the image or the model in view (the status's
 * `version`) changes. When the status holds a plain-JavaScript copy of the model in view,
 * the pass runs during the render itself, so the layers commit together with the image (the
 * pen's frame). Otherwise (the model in view is training) it runs on tfjs, and requests are
 * coalesced: while one pass is running, only the latest request waits, so a fast pen never
 * queues up stale work.
 */
export function useLayerOutputs(
  session: ModelSession | null,
  status: SessionStatus | null,
  image: Image28 | null,
  preview: PlainNetwork | null = null,
): LayerOutputsState {
  const [state, setState] = useState<LayerOutputsState>({ layers: null, image: null, error: null, path: null });
  // Before the session (and tfjs) is there, the shipped model's plain copy answers.
  const plain = session ? (status?.plain ?? null) : preview;
  const immediate = useMemo<LayerOutputsState | null>(
    () => (plain && image ? { layers: plain.run(image.data), image, error: null, path: 'plain' } : null),
    [plain, image],
  );
  const version = status?.version ?? 0;
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
          if (mounted.current) setState((prev) => ({ ...prev, error: e }));
        }
      } while (dirty.current && mounted.current);
      running.current = false;
    })();
  }, [session, image, version, immediate]);

  return immediate ?? state;
}
