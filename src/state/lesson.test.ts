import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en/lessonSteps.json';
import zh from '../i18n/locales/zh-CN/lessonSteps.json';
import { INITIAL_LAB_STATE, labReducer } from './labState';
import { clampStep, LESSON_STEPS, lessonActions, nextStep, parseStoredStep, previousStep, resumeStep } from './lesson';
import { TAB_IDS } from './shareState';

const catalogues = { en, 'zh-CN': zh } as const;
const N = LESSON_STEPS.length;

describe('the lesson', () => {
  it('follows the article: input, convolution, stride and padding, filters, ReLU, pooling, the whole network, blocks, dense, dropout, the training replayed, softmax, cross-entropy', () => {
    expect(LESSON_STEPS.map((s) => s.id)).toEqual([
      'input',
      'convolution',
      'stridePadding',
      'edgeFilters',
      'relu',
      'pooling',
      'overview',
      'stacked',
      'dense',
      'dropout',
      'replay',
      'attribution',
      'softmax',
      'crossEntropy',
      'filterLooks',
      'digitMap',
      'fooling',
    ]);
  });

  it('gives every step a tab, a target and a title and text in both languages', () => {
    for (const step of LESSON_STEPS) {
      expect(TAB_IDS).toContain(step.tab);
      expect(step.targets.length).toBeGreaterThan(0);
      for (const target of step.targets) expect(target).toMatch(/^[a-z][a-z0-9-]*$/);
      for (const [lang, messages] of Object.entries(catalogues)) {
        const texts = (messages as Record<string, { title?: string; text?: string }>)[step.id];
        expect(texts?.title, `${lang} ${step.id}`).toBeTruthy();
        expect(texts?.text?.length ?? 0, `${lang} ${step.id}`).toBeGreaterThan(40);
      }
    }
    expect(new Set(LESSON_STEPS.map((s) => s.id)).size).toBe(N);
  });

  it('stops at both ends when going forward and back', () => {
    expect(nextStep(0)).toBe(1);
    expect(nextStep(N - 2)).toBe(N - 1);
    expect(nextStep(N - 1)).toBe(N - 1);
    expect(previousStep(1)).toBe(0);
    expect(previousStep(0)).toBe(0);
    expect(clampStep(-3)).toBe(0);
    expect(clampStep(1.5)).toBe(0);
    expect(clampStep(999)).toBe(N - 1);
  });

  it('resumes at the step in the link, else the stored step, else the first', () => {
    expect(resumeStep(4, '7')).toBe(4);
    expect(resumeStep(0, '7')).toBe(7);
    expect(resumeStep(0, String(N - 1))).toBe(N - 1);
    expect(resumeStep(0, null)).toBe(0);
  });

  it('falls back to the first step for a stored or linked step that is not in the lesson', () => {
    for (const bad of ['', '-1', '2.5', 'abc', ' 3', String(N), '99999', '1e2']) expect(resumeStep(0, bad), bad).toBe(0);
    expect(resumeStep(N, null)).toBe(0);
    expect(resumeStep(500, '3')).toBe(3);
    expect(parseStoredStep('3')).toBe(3);
    expect(parseStoredStep(String(N))).toBeNull();
  });

  it('sets the lab up for a step, and does nothing the lab already shows', () => {
    const padding = LESSON_STEPS.find((s) => s.id === 'stridePadding')!;
    const actions = lessonActions(padding, INITIAL_LAB_STATE);
    const after = actions.reduce(labReducer, INITIAL_LAB_STATE);
    expect(after.conv.padding).toBe(1);
    expect(lessonActions(padding, after)).toEqual([]);

    const input = LESSON_STEPS[0];
    const article = lessonActions(input, INITIAL_LAB_STATE).reduce(labReducer, INITIAL_LAB_STATE);
    expect(article.rule.input.kind).toBe('binary');
    expect(article.rule.comparator).toBe('>');
    expect(lessonActions(input, article)).toEqual([]);

    const filters = LESSON_STEPS.find((s) => s.id === 'edgeFilters')!;
    const back = lessonActions(filters, after).reduce(labReducer, after);
    expect(back.conv.padding).toBe(0);
    expect(back.rule.threshold).toBe(2);
    expect(
      lessonActions(
        LESSON_STEPS.find((s) => s.id === 'softmax')!,
        INITIAL_LAB_STATE,
      ),
    ).toEqual([]);
  });
});
