import type { InputScale } from './inputScale';
import type { Comparator } from './threshold';

/**
 * The complete firing rule of the edge-filter experiment: how the digit is scaled before
 * convolution, and when a convolution output cell "fires" (`sum comparator threshold`).
 */
export interface EdgeRule {
  input: InputScale;
  threshold: number;
  comparator: Comparator;
}

/** What the notebook computes (the default): 0..255 grey input, fires where sum >= 2. */
export const NOTEBOOK_RULE: EdgeRule = Object.freeze({
  input: Object.freeze({ kind: 'grey255' }),
  threshold: 2,
  comparator: '>=',
}) as EdgeRule;

/** What the article's text says: 0/1 input (white where grey >= 0.5), fires where sum > 2. */
export const ARTICLE_RULE: EdgeRule = Object.freeze({
  input: Object.freeze({ kind: 'binary', cutoff: 0.5 }),
  threshold: 2,
  comparator: '>',
}) as EdgeRule;

/** Names of the rule presets; `'custom'` is any rule that matches neither preset. */
export type RulePresetName = 'notebook' | 'article' | 'custom';

/**
 * Which preset a rule belongs to.
 * - `'notebook'`: exactly {@link NOTEBOOK_RULE} (grey255 input, threshold 2, `'>='`);
 * - `'article'`: binary input with ANY cutoff (the cutoff is adjustable within the
 *   preset), threshold 2, `'>'`;
 * - `'custom'`: anything else.
 */
export function rulePresetName(rule: EdgeRule): RulePresetName {
  if (rule.threshold !== 2) return 'custom';
  if (rule.input.kind === 'grey255' && rule.comparator === '>=') return 'notebook';
  if (rule.input.kind === 'binary' && rule.comparator === '>') return 'article';
  return 'custom';
}

function describeInput(scale: InputScale): string {
  switch (scale.kind) {
    case 'grey255':
      return 'input 0–255 grey';
    case 'grey01':
      return 'input 0–1 grey';
    case 'binary':
      return `input 0/1 (1 where grey ≥ ${scale.cutoff})`;
  }
}

/**
 * A short English description of a rule, for labels and tooltips, e.g.
 * `"input 0–255 grey, fires where sum ≥ 2"` or
 * `"input 0/1 (1 where grey ≥ 0.5), fires where sum > 2"`.
 */
export function describeRule(rule: EdgeRule): string {
  const symbol = rule.comparator === '>=' ? '≥' : '>';
  return `${describeInput(rule.input)}, fires where sum ${symbol} ${rule.threshold}`;
}
