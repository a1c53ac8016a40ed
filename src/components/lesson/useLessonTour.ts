import { useCallback, useState, type Dispatch } from 'react';
import type { LabAction, LabState } from '../../state/labState';
import { LESSON_STEPS, LESSON_STORAGE_KEY, lessonActions, nextStep, previousStep, resumeStep } from '../../state/lesson';
import type { TabId } from '../../state/shareState';
import { useLessonFocus } from './useLessonFocus';

export interface LessonTourInput {
  /** The step the shareable link carries. */
  readonly linkStep: number;
  readonly setLinkStep: (step: number) => void;
  readonly setTab: (tab: TabId) => void;
  readonly lab: LabState;
  readonly dispatch: Dispatch<LabAction>;
}

export interface LessonTour {
  readonly open: boolean;
  /** Index of the current step (0-based). */
  readonly step: number;
  readonly count: number;
  /** True when the reader has been past the first step before (the open button offers to resume). */
  readonly started: boolean;
  readonly start: () => void;
  readonly close: () => void;
  readonly next: () => void;
  readonly back: () => void;
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(LESSON_STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(step: number): void {
  try {
    window.localStorage.setItem(LESSON_STORAGE_KEY, String(step));
  } catch {
    // Storage may be full or refused (private mode): the link still carries the step.
  }
}

/**
 * The guided lesson's state: closed on load, resumed at the step from the link or from this
 * browser's memory. Entering a step shows its tab and sets the lab up for it; while open, the
 * step's target is outlined.
 */
export function useLessonTour({ linkStep, setLinkStep, setTab, lab, dispatch }: LessonTourInput): LessonTour {
  const [open, setOpen] = useState(false);
  const [step, setStepIndex] = useState(() => resumeStep(linkStep, readStored()));
  const count = LESSON_STEPS.length;

  const enter = useCallback(
    (index: number) => {
      const target = LESSON_STEPS[index];
      setStepIndex(index);
      setLinkStep(index);
      store(index);
      setTab(target.tab);
      for (const action of lessonActions(target, lab)) dispatch(action);
    },
    [setLinkStep, setTab, lab, dispatch],
  );

  useLessonFocus(open ? LESSON_STEPS[step] : null);

  return {
    open,
    step,
    count,
    started: step > 0,
    start: () => {
      setOpen(true);
      enter(step);
    },
    close: () => setOpen(false),
    next: () => enter(nextStep(step, count)),
    back: () => enter(previousStep(step, count)),
  };
}
