import { useEffect, useRef } from 'react';

/**
 * Returns a ref for a <canvas> and calls `paint(ctx)` after each commit in which `deps`
 * changed, at most once per animation frame (the latest paint wins).
 */
export function useCanvasPainter(paint: (ctx: CanvasRenderingContext2D) => void, deps: readonly unknown[]) {
  const ref = useRef<HTMLCanvasElement>(null);
  const paintRef = useRef(paint);
  paintRef.current = paint;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) paintRef.current(ctx);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}
