import { startTransition, useLayoutEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import { flushSync } from 'react-dom';
import type { Image28 } from '../../core/grid';
import { toMnistDigit } from '../../core/preprocess';
import type { PlainNetwork } from '../../model/plainForward';
import { rasteriseStrokes } from '../../render/strokes';
import { createInputStore, type InputOutputs, type InputStore } from '../../state/inputStore';
import { currentStrokes, type InputSource, type LabAction, type Stroke } from '../../state/labState';
import { quantisePoint, quantiseStroke } from '../../state/strokeCodec';
import { setPenDown } from '../../core/pen';
import { BLANK_IMAGE } from './useInputImage';

/** What the drawing pad calls: a stroke begins, goes on, ends (the pen lifts or is cancelled). */
export interface PenHandlers {
  begin(stroke: Stroke): void;
  extend(point: readonly [number, number]): void;
  end(): void;
}

export interface PenInput {
  readonly store: InputStore;
  readonly pen: PenHandlers;
}

/**
 * The flow of a pen stroke. Between strokes the input store holds the lab state's input
 * (`source`, its `image` and the CNN's `outputs`, written after each commit). During a stroke
 * the pad's moves go to the store only: each move's image is made here (the same MNIST-style
 * preprocessing as `useInputImage`, on the same quantised points the lab state keeps) and run
 * through `plain` (the plain-JavaScript model in view, when there is one; while the model
 * trains on tfjs the maps catch up when the stroke ends), so only the views subscribed to the
 * store render. When the pen lifts, the whole stroke is dispatched to the lab state once, as a
 * transition: the paint that shows the lifted pen does not wait for the rest of the page.
 * The training worker hears when the pen goes down and lifts (it then gives way to the page).
 */
export function usePenInput(
  source: InputSource,
  image: Image28 | null,
  outputs: InputOutputs,
  plain: PlainNetwork | null,
  dispatch: Dispatch<LabAction>,
): PenInput {
  const [store] = useState(() => createInputStore({ source, image, outputs }));
  const stroke = useRef<{ base: readonly Stroke[]; current: Stroke } | null>(null);
  const latest = useRef({ source, plain });
  // A finished stroke on its way to the lab state (a transition): the strokes the store shows,
  // and the lab state's input it was drawn over.
  const committing = useRef<{ over: InputSource; strokes: readonly Stroke[] } | null>(null);

  useLayoutEffect(() => {
    latest.current = { source, plain };
    if (committing.current && committing.current.over !== source) committing.current = null;
    // Mid-stroke, and until its commit lands, the store keeps the stroke; the lab state catches up.
    if (!stroke.current && !committing.current) store.set({ source, image, outputs });
  }, [store, source, image, outputs, plain]);

  const pen = useMemo<PenHandlers>(() => {
    const publish = (base: readonly Stroke[], current: Stroke) => {
      const strokes = [...base, current];
      const drawn = toMnistDigit(rasteriseStrokes(strokes)) ?? BLANK_IMAGE;
      const net = latest.current.plain;
      const next: InputOutputs = net ? { layers: net.run(drawn.data), image: drawn, error: null, path: 'plain' } : store.get().outputs;
      // Rendered now, inside the pen event: the views show this move in the frame it arrived in.
      flushSync(() => store.set({ source: { kind: 'drawing', strokes }, image: drawn, outputs: next }));
    };
    return {
      begin(s) {
        setPenDown(true);
        stroke.current = { base: committing.current?.strokes ?? currentStrokes(latest.current.source), current: quantiseStroke(s) };
        publish(stroke.current.base, stroke.current.current);
      },
      extend(point) {
        const s = stroke.current;
        if (!s) return;
        s.current = { ...s.current, points: [...s.current.points, quantisePoint(point)] };
        publish(s.base, s.current);
      },
      end() {
        setPenDown(false);
        const s = stroke.current;
        if (!s) return;
        stroke.current = null;
        committing.current = { over: latest.current.source, strokes: [...s.base, s.current] };
        // The views already show the stroke; the rest of the page follows without holding up the next paint.
        startTransition(() => dispatch({ type: 'addStroke', stroke: s.current }));
      },
    };
  }, [store, dispatch]);

  return { store, pen };
}
