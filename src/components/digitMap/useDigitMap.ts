import { useEffect, useMemo, useState } from 'react';
import { isAbortError } from '../../core/abort';
import type { Image28 } from '../../core/grid';
import { messageOf } from '../../core/messageOf';
import { neighbourAccuracy } from '../../core/neighbourAccuracy';
import type { MnistData } from '../../data/mnistFormat';
import { heldOutSet, type HeldOutSet } from '../../data/heldOut';
import { mapLayers, type MapLayer, type MapLayerId } from '../../model/digitMap/mapLayers';
import type { SessionStatus } from '../../model/session';
import { fitInWorker, placeInWorker, type FitProgress } from '../../worker/digitMapClient';
import { cachedLayout, layoutKey, layoutsOf, rememberLayout, type CachedLayout } from './layoutCache';

/** The digit on the page, placed by the layout `key` names. */
export interface InputPoint {
  readonly key: string;
  readonly xy: readonly [number, number];
}

/** A fit under way: which layer, and where it is. */
export interface MapProgress extends FitProgress {
  readonly layer: MapLayer;
}

export interface DigitMapState {
  readonly layers: readonly MapLayer[];
  /** The layer mapped: the chosen one, or the pixels when the network has no such layer (then `missing`). */
  readonly layer: MapLayer | null;
  readonly missing: boolean;
  readonly heldOut: HeldOutSet | null;
  /** The layout of `layer` for the model in view, once fitted. */
  readonly layout: CachedLayout | null;
  readonly progress: MapProgress | null;
  /** Layouts of the model in view fitted so far, any layer. */
  readonly fitted: readonly CachedLayout[];
  /** The digit on the page placed by the same layout; null without one or while it is placed. */
  readonly input: InputPoint | null;
  readonly training: boolean;
  readonly error: string | null;
}

const isBlank = (image: Image28) => image.data.every((v) => v === 0);

/**
 * The map of the held-out digits at the chosen layer for the model in view: fitted in the
 * digit-map worker (with progress) unless this page fitted it before, given up when the model
 * or layer changes; and the digit on the page placed by the same layout each time `image`
 * changes (the end of a stroke, never a pen move). With `everyLayer`, the other layers are
 * fitted too, one after the other, once the chosen one is. While the model trains, nothing is
 * fitted.
 */
export function useDigitMap(
  status: SessionStatus | null,
  data: MnistData | null,
  chosen: MapLayerId,
  image: Image28 | null,
  everyLayer: boolean,
): DigitMapState {
  const spec = status?.spec ?? null;
  const plain = status?.plain ?? null;
  const version = status?.version ?? -1;
  const training = status?.training ?? false;
  const layers = useMemo(() => (spec ? mapLayers(spec) : []), [spec]);
  const asked = layers.find((l) => l.id === chosen && l.mappable);
  const layer = asked ?? layers[0] ?? null;
  const missing = layers.length > 0 && !asked;
  const heldOut = useMemo(() => (data ? heldOutSet(data) : null), [data]);
  const [fitCount, setFitCount] = useState(0);
  const [progress, setProgress] = useState<MapProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [input, setInput] = useState<InputPoint | null>(null);
  const layout = layer ? (cachedLayout(version, layer.id) ?? null) : null;
  const fitted = useMemo(() => layoutsOf(version), [version, fitCount]); // eslint-disable-line react-hooks/exhaustive-deps

  // The layer to fit next: the chosen one, then (when asked) the others not fitted yet.
  const missingLayer = (l: MapLayer) => l.mappable && !cachedLayout(version, l.id);
  const target = !layer ? null : missingLayer(layer) ? layer : everyLayer ? (layers.find(missingLayer) ?? null) : null;

  useEffect(() => {
    if (!target || !heldOut || !plain || !spec || training) return;
    const controller = new AbortController();
    setProgress({ layer: target, stage: 'features', done: 0, total: heldOut.labels.length });
    setError(null);
    const request = { key: layoutKey(version, target.id), version, spec, weights: plain.weightList(), layer: target.id, pixels: heldOut.pixels };
    fitInWorker(request, (p) => setProgress({ layer: target, ...p }), controller.signal).then(
      (xy) => {
        rememberLayout({ version, layer: target.id, xy, accuracy: neighbourAccuracy(xy, heldOut.labels, 5) });
        setProgress(null);
        setFitCount((n) => n + 1);
      },
      (e: unknown) => {
        if (isAbortError(e)) return;
        setProgress(null);
        setError(messageOf(e));
      },
    );
    return () => controller.abort();
  }, [target, heldOut, plain, spec, training, version]);

  const key = layout ? layoutKey(layout.version, layout.layer) : null;
  useEffect(() => {
    if (!key || !image) return;
    // A cleared pad has no place on the map; a new drawing gets one when its stroke ends.
    if (isBlank(image)) {
      setInput(null);
      return;
    }
    const controller = new AbortController();
    placeInWorker(key, image.data, controller.signal).then(
      (xy) => {
        if (xy) setInput({ key, xy });
      },
      (e: unknown) => {
        if (!isAbortError(e)) setError(messageOf(e));
      },
    );
    return () => controller.abort();
  }, [key, image]);

  // While a new placement is on its way (a stroke, a new sample) the last one stays: the dot
  // moves when the stroke ends rather than leaving the map and coming back, which would make
  // the browser lay out and paint the whole plot twice a stroke.
  const current = input && input.key === key ? input : null;
  return { layers, layer, missing, heldOut, layout, progress: target ? progress : null, fitted, input: current, training, error };
}
