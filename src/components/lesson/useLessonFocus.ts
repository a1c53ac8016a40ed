import { useEffect } from 'react';
import type { LessonStep } from '../../state/lesson';

/** Class of the outline drawn around a lesson step's target (see styles/lesson.css). */
export const LESSON_FOCUS_CLASS = 'lesson-focus';

/** The step's target on the page: the first of its test ids that is present and shown, and its rank. */
function findTarget(step: LessonStep): { el: HTMLElement; rank: number } | null {
  for (const [rank, id] of step.targets.entries()) {
    const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (el && el.getClientRects().length > 0) return { el, rank };
  }
  return null;
}

function smooth(): ScrollBehavior {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/**
 * Outlines the step's target (class + data-lesson-focus) and scrolls it into view once. The
 * target may appear later (a tab renders, the network loads) or be re-created, so the page is
 * watched until the step changes; leaving the step removes the outline.
 */
export function useLessonFocus(step: LessonStep | null): void {
  useEffect(() => {
    if (!step) return;
    let marked: HTMLElement | null = null;
    // Rank of the target last scrolled to: a better one appearing later is scrolled to again.
    let scrolledRank = Infinity;
    let frame = 0;
    const unmark = () => {
      marked?.classList.remove(LESSON_FOCUS_CLASS);
      marked?.removeAttribute('data-lesson-focus');
      marked = null;
    };
    const apply = () => {
      frame = 0;
      const found = findTarget(step);
      if (found?.el === marked) return;
      unmark();
      if (!found) return;
      const { el, rank } = found;
      marked = el;
      el.classList.add(LESSON_FOCUS_CLASS);
      el.setAttribute('data-lesson-focus', step.id);
      if (rank < scrolledRank) {
        scrolledRank = rank;
        el.scrollIntoView({ block: 'start', behavior: smooth() });
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(apply);
    };
    apply();
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      unmark();
    };
  }, [step]);
}
