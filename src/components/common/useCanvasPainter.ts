import { useEffect, useRef } from 'react';
import { paintCanvas, releaseCanvas } from '../../render/canvasPaints';

/**
 * Returns a ref for a <canvas> and asks the page's paint scheduler (render/canvasPaints) to
 * call `paint(ctx)` after each commit in which `deps` changed: in the next animation frame,
 * once per frame at most (the latest paint wins), and only while the canvas is visible (a
 * hidden one is painted with the latest data when it shows again).
 */
export function useCanvasPainter(paint: (ctx: CanvasRenderingContext2D) => void, deps: readonly unknown[]) {
  const ref = useRef<HTMLCanvasElement>(null);
  const paintRef = useRef(paint);
  paintRef.current = paint;
  useEffect(() => {
    const canvas = ref.current;
    if (canvas) paintCanvas(canvas, (ctx) => paintRef.current(ctx));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    const canvas = ref.current;
    return () => {
      if (canvas) releaseCanvas(canvas);
    };
  }, []);
  return ref;
}
