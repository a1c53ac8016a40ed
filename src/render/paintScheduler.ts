/**
 * One painting queue for the whole page: a paint asked for a target (a canvas) waits for the
 * next animation frame; asking again before then replaces the waiting paint (the latest
 * wins), so a burst of pen moves paints each canvas once per frame at most. A target that is
 * not visible (scrolled away, in a hidden tab) keeps only its latest paint waiting, and that
 * paint runs in the first frame after it becomes visible again.
 */
export interface PaintScheduler {
  /** Runs `paint` for `target` in the next frame, unless a later request replaces it first. */
  request(target: object, paint: () => void): void;
  /** Whether `target` is on screen; targets never told are taken as visible. */
  setVisible(target: object, visible: boolean): void;
  /** Drops whatever `target` was waiting for (it left the page). */
  forget(target: object): void;
}

/** `requestFrame` runs its callback once, before the next frame is drawn (requestAnimationFrame). */
export function createPaintScheduler(requestFrame: (run: () => void) => void): PaintScheduler {
  const waiting = new Map<object, () => void>();
  const hidden = new WeakSet<object>();
  let frameAsked = false;

  const runFrame = () => {
    frameAsked = false;
    // Paints asked for while this frame paints wait for the next frame.
    const due = [...waiting].filter(([target]) => !hidden.has(target));
    for (const [target] of due) waiting.delete(target);
    for (const [, paint] of due) paint();
  };
  const askFrame = () => {
    if (frameAsked) return;
    frameAsked = true;
    requestFrame(runFrame);
  };

  return {
    request(target, paint) {
      waiting.set(target, paint);
      if (!hidden.has(target)) askFrame();
    },
    setVisible(target, visible) {
      if (visible) {
        hidden.delete(target);
        if (waiting.has(target)) askFrame();
      } else hidden.add(target);
    },
    forget(target) {
      waiting.delete(target);
    },
  };
}
