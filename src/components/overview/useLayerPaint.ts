import { useEffect, useRef } from 'react';
import type { LayerOutput } from '../../model/activations';
import { paintCanvas, releaseCanvas } from '../../render/canvasPaints';
import type { LayerStore } from '../network/layerStore';

/**
 * A ref for a <canvas> that repaints from the layer store: every new set of layers asks the
 * page's paint scheduler to run `paint` with the layer called `name` in the next frame the
 * canvas is visible in. Nothing renders in React on a pen move. `paint` must be stable for
 * as long as the picture's layout is (a new one repaints at once).
 */
export function useLayerPaint(store: LayerStore, name: string, shape: string, paint: (ctx: CanvasRenderingContext2D, layer: LayerOutput) => void) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const repaint = () => {
      const layer = store.layer(name);
      // A layer of another shape belongs to a model this view has not laid out yet.
      if (!layer || layer.shape.join('x') !== shape) return;
      paintCanvas(canvas, (ctx) => paint(ctx, layer));
    };
    repaint();
    const unsubscribe = store.subscribe(repaint);
    return () => {
      unsubscribe();
      releaseCanvas(canvas);
    };
  }, [store, name, shape, paint]);
  return ref;
}
