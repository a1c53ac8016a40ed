import { memo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RichText } from '../common/RichText';
import type { Comparator } from '../../core/threshold';
import { rulePresetName, type EdgeRule } from '../../core/edgeRule';
import type { InputScale } from '../../core/inputScale';
import { PanelInfo } from '../info/PanelInfo';

export interface RuleControlsProps {
  readonly rule: EdgeRule;
  readonly onPreset: (preset: 'notebook' | 'article') => void;
  readonly onChange: (rule: EdgeRule) => void;
}

/** The rule in words, e.g. "input 0–255 grey, fires where sum ≥ 2". */
function describeRule(t: TFunction<'edgeLab'>, rule: EdgeRule): string {
  const input = rule.input.kind === 'binary' ? t('rule.describeBinary', { cutoff: rule.input.cutoff }) : t(`rule.describe.${rule.input.kind}`);
  return t('rule.describeRule', { input, sym: rule.comparator === '>=' ? '≥' : '>', threshold: rule.threshold });
}

/** Slider range of the threshold for each input scale (sums reach about 4 × the top input value). */
function thresholdRange(scale: InputScale): { min: number; max: number; step: number } {
  return scale.kind === 'grey255' ? { min: -255, max: 1020, step: 1 } : { min: -6, max: 6, step: 0.5 };
}

/** The threshold rule: two named presets and the free settings behind them. */
export const RuleControls = memo(function RuleControls({ rule, onPreset, onChange }: RuleControlsProps) {
  const { t } = useTranslation('edgeLab');
  const preset = rulePresetName(rule);
  const range = thresholdRange(rule.input);
  const setInput = (kind: InputScale['kind']) => {
    const input: InputScale = kind === 'binary' ? { kind, cutoff: rule.input.kind === 'binary' ? rule.input.cutoff : 0.5 } : { kind };
    onChange({ ...rule, input });
  };
  return (
    <fieldset className="controls" data-testid="rule-controls">
      <legend className="titled">
        {t('rule.legend')} <PanelInfo what="rule" />
      </legend>
      <div className="controls__row" role="group" aria-label={t('rule.presets')}>
        {(['notebook', 'article'] as const).map((p) => (
          <button
            key={p}
            type="button"
            className={preset === p ? 'chip chip--on' : 'chip'}
            aria-pressed={preset === p}
            data-testid={`preset-${p}`}
            onClick={() => onPreset(p)}
          >
            {t(`rule.preset.${p}`)}
          </button>
        ))}
        <output className="rule-badge" data-testid="rule-name" data-preset={preset}>
          <RichText
            t={t}
            i18nKey="rule.inForce"
            values={{ preset: t(`rule.preset.${preset}`), rule: describeRule(t, rule) }}
            components={{ preset: <strong /> }}
          />
        </output>
      </div>
      <div className="controls__row">
        <label>
          {t('rule.inputScale')}{' '}
          <select value={rule.input.kind} data-testid="input-scale" onChange={(e) => setInput(e.target.value as InputScale['kind'])}>
            <option value="grey255">{t('rule.scale.grey255')}</option>
            <option value="grey01">{t('rule.scale.grey01')}</option>
            <option value="binary">{t('rule.scale.binary')}</option>
          </select>
        </label>
        {rule.input.kind === 'binary' && (
          <label>
            <RichText t={t} i18nKey="rule.cutoff" values={{ cutoff: rule.input.cutoff.toFixed(2) }} components={{ value: <strong /> }} />{' '}
            <input
              type="range"
              min={0.05}
              max={0.95}
              step={0.05}
              value={rule.input.cutoff}
              data-testid="binary-cutoff"
              onChange={(e) => onChange({ ...rule, input: { kind: 'binary', cutoff: Number(e.target.value) } })}
            />
          </label>
        )}
      </div>
      <div className="controls__row">
        <label>
          {t('rule.firesWhere')}{' '}
          <select value={rule.comparator} data-testid="comparator" onChange={(e) => onChange({ ...rule, comparator: e.target.value as Comparator })}>
            <option value=">">{t('rule.greater')}</option>
            <option value=">=">{t('rule.atLeast')}</option>
          </select>
        </label>
        <label>
          <RichText t={t} i18nKey="rule.threshold" values={{ threshold: rule.threshold }} components={{ value: <strong /> }} />{' '}
          <input
            type="range"
            min={range.min}
            max={range.max}
            step={range.step}
            value={rule.threshold}
            data-testid="threshold"
            onChange={(e) => onChange({ ...rule, threshold: Number(e.target.value) })}
          />
        </label>
      </div>
    </fieldset>
  );
});
