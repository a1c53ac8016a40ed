import { describe, it, expect } from 'vitest';
import { ARTICLE_RULE, NOTEBOOK_RULE, describeRule, rulePresetName, type EdgeRule } from './edgeRule';

describe('rule presets', () => {
  it('notebook: 0..255 grey input, fires where sum >= 2', () => {
    expect(NOTEBOOK_RULE).toEqual({ input: { kind: 'grey255' }, threshold: 2, comparator: '>=' });
  });

  it('article: 0/1 input with cutoff 0.5, fires where sum > 2', () => {
    expect(ARTICLE_RULE).toEqual({ input: { kind: 'binary', cutoff: 0.5 }, threshold: 2, comparator: '>' });
  });

  it('cannot be changed by accident', () => {
    expect(() => {
      (NOTEBOOK_RULE as { threshold: number }).threshold = 3;
    }).toThrow(TypeError);
    expect(NOTEBOOK_RULE.threshold).toBe(2);
  });
});

describe('rulePresetName', () => {
  it('recognises the two presets', () => {
    expect(rulePresetName(NOTEBOOK_RULE)).toBe('notebook');
    expect(rulePresetName(ARTICLE_RULE)).toBe('article');
    expect(rulePresetName({ ...NOTEBOOK_RULE })).toBe('notebook');
  });

  it('keeps the article preset whatever the cutoff', () => {
    for (const cutoff of [0.1, 0.3, 0.75, 1]) {
      expect(rulePresetName({ ...ARTICLE_RULE, input: { kind: 'binary', cutoff } })).toBe('article');
    }
  });

  it('calls any other rule custom', () => {
    const others: EdgeRule[] = [
      { ...NOTEBOOK_RULE, comparator: '>' },
      { ...NOTEBOOK_RULE, threshold: 3 },
      { ...ARTICLE_RULE, comparator: '>=' },
      { ...ARTICLE_RULE, threshold: 1 },
      { input: { kind: 'grey01' }, threshold: 2, comparator: '>=' },
      { input: { kind: 'grey01' }, threshold: 2, comparator: '>' },
      { input: { kind: 'grey255' }, threshold: 2, comparator: '>' },
    ];
    for (const rule of others) expect(rulePresetName(rule)).toBe('custom');
  });
});

describe('describeRule', () => {
  it('says the input scale, the comparator and the threshold', () => {
    expect(describeRule(NOTEBOOK_RULE)).toBe('input 0–255 grey, fires where sum ≥ 2');
    expect(describeRule(ARTICLE_RULE)).toBe('input 0/1 (1 where grey ≥ 0.5), fires where sum > 2');
    expect(describeRule({ input: { kind: 'grey01' }, threshold: 0.25, comparator: '>' })).toBe('input 0–1 grey, fires where sum > 0.25');
    expect(describeRule({ input: { kind: 'binary', cutoff: 0.3 }, threshold: 4, comparator: '>=' })).toBe(
      'input 0/1 (1 where grey ≥ 0.3), fires where sum ≥ 4',
    );
  });
});
