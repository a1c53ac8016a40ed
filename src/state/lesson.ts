/**
 * The guided lesson: the seed article's argument, step by step, each step pointing at the part
 * of the page that shows it live. Pure data and pure step arithmetic; the component switches
 * tabs, scrolls, highlights and dispatches what a step asks for.
 */
import { rulePresetName } from '../core/edgeRule';
import type { LabAction, LabState } from './labState';
import type { TabId } from './shareState';

/** What a step changes in the lab so that its target shows the point being made. */
export type LessonEffect = { readonly kind: 'preset'; readonly preset: 'notebook' | 'article' } | { readonly kind: 'padding'; readonly padding: number };

export interface LessonStep {
  /** Names the step; its texts are `<id>.title` and `<id>.text` in the `lessonSteps` catalogue. */
  readonly id: string;
  /** The tab that shows the step's target. */
  readonly tab: TabId;
  /** data-testid values of the element to focus, the first one present wins. */
  readonly targets: readonly string[];
  /** What the step sets in the lab on entering it (nothing when absent). */
  readonly effects?: readonly LessonEffect[];
}

/** The steps, in the order the article teaches them. */
export const LESSON_STEPS: readonly LessonStep[] = Object.freeze([
  { id: 'input', tab: 'filters', targets: ['figure-input', 'edge-lab'], effects: [{ kind: 'preset', preset: 'article' }] },
  { id: 'convolution', tab: 'lessons', targets: ['conv-stepper'] },
  { id: 'stridePadding', tab: 'filters', targets: ['conv-pool-controls', 'edge-lab'], effects: [{ kind: 'padding', padding: 1 }] },
  {
    id: 'edgeFilters',
    tab: 'filters',
    targets: ['filter-table', 'edge-lab'],
    effects: [
      { kind: 'preset', preset: 'article' },
      { kind: 'padding', padding: 0 },
    ],
  },
  { id: 'relu', tab: 'lessons', targets: ['activations-panel'] },
  { id: 'pooling', tab: 'network', targets: ['pool-compare'] },
  { id: 'overview', tab: 'network', targets: ['network-overview', 'network-view'] },
  { id: 'stacked', tab: 'network', targets: ['layer-conv2', 'network-view'] },
  { id: 'dense', tab: 'network', targets: ['layer-dense1', 'network-view'] },
  { id: 'dropout', tab: 'training', targets: ['arch-dense-0', 'training-panel'] },
  { id: 'replay', tab: 'training', targets: ['training-replay'] },
  { id: 'attribution', tab: 'network', targets: ['attribution-panel'] },
  { id: 'softmax', tab: 'network', targets: ['softmax-worked'] },
  { id: 'crossEntropy', tab: 'network', targets: ['loss-value', 'softmax-worked'] },
  { id: 'filterLooks', tab: 'learned', targets: ['filter-looks-panel'] },
  { id: 'digitMap', tab: 'learned', targets: ['digit-map-panel'] },
  { id: 'fooling', tab: 'learned', targets: ['fooling-panel'] },
]);

/** localStorage key of the step a reader was last at. */
export const LESSON_STORAGE_KEY = 'convlens.lesson.step';

/** The step index clamped into the lesson (0 for anything that is not a whole number). */
export function clampStep(step: number, count = LESSON_STEPS.length): number {
  if (!Number.isInteger(step) || count <= 0) return 0;
  return Math.min(Math.max(step, 0), count - 1);
}

/** The step after `step`, or `step` itself on the last one. */
export function nextStep(step: number, count = LESSON_STEPS.length): number {
  return clampStep(step + 1, count);
}

/** The step before `step`, or 0 on the first one. */
export function previousStep(step: number, count = LESSON_STEPS.length): number {
  return clampStep(step - 1, count);
}

/** Reads a stored step: a whole number inside the lesson, else null. */
export function parseStoredStep(raw: string | null | undefined, count = LESSON_STEPS.length): number | null {
  if (raw == null || !/^\d{1,4}$/.test(raw)) return null;
  const n = Number(raw);
  return n < count ? n : null;
}

/**
 * Where the lesson resumes: the link's step when it names one inside the lesson (links write
 * only steps past the first), else the remembered step, else the first.
 */
export function resumeStep(linkStep: number, stored: string | null | undefined, count = LESSON_STEPS.length): number {
  if (Number.isInteger(linkStep) && linkStep > 0 && linkStep < count) return linkStep;
  return parseStoredStep(stored, count) ?? 0;
}

/** The lab actions a step's effects need; none for what the lab already shows. */
export function lessonActions(step: LessonStep, lab: LabState): LabAction[] {
  return (step.effects ?? []).flatMap((effect): LabAction[] => {
    if (effect.kind === 'padding') return lab.conv.padding === effect.padding ? [] : [{ type: 'setConv', conv: { padding: effect.padding } }];
    return rulePresetName(lab.rule) === effect.preset ? [] : [{ type: 'usePreset', preset: effect.preset }];
  });
}
