import { createPaintScheduler, type PaintScheduler } from './paintScheduler';

/**
 * The page's one paint scheduler (see paintScheduler.ts), with canvases as targets: a canvas
 * is visible while an IntersectionObserver sees it (within a margin of the viewport); one in a
 * hidden tab or scrolled far away keeps its latest paint waiting. Each canvas counts the
 * paints it received in `data-paints`, so tests can prove a hidden view does no work.
 */
let scheduler: PaintScheduler | null = null;
let observer: IntersectionObserver | null = null;

/** How far outside the viewport a canvas still counts as visible (painted ahead of a scroll). */
const MARGIN = '200px';

function shared(): PaintScheduler {
  if (!scheduler) {
    const s = createPaintScheduler(requestAnimationFrame);
    observer = new IntersectionObserver((entries) => entries.forEach((e) => s.setVisible(e.target, e.isIntersecting)), { rootMargin: MARGIN });
    scheduler = s;
  }
  return scheduler;
}

/** Paints `canvas` with `paint` in the next frame it is visible in; a later call replaces a waiting one. */
export function paintCanvas(canvas: HTMLCanvasElement, paint: (ctx: CanvasRenderingContext2D) => void): void {
  const s = shared();
  // Observing a canvas again does nothing.
  observer?.observe(canvas);
  s.request(canvas, () => {
    const ctx = canvas.getContext('2d');
    if (ctx) paint(ctx);
    canvas.dataset.paints = String(Number(canvas.dataset.paints ?? 0) + 1);
  });
}

/** Forgets `canvas` (it left the page): its waiting paint is dropped. */
export function releaseCanvas(canvas: HTMLCanvasElement): void {
  scheduler?.forget(canvas);
  observer?.unobserve(canvas);
}
