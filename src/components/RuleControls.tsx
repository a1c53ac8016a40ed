import type { Comparator } from '../core/threshold';
import { describeRule, rulePresetName, type EdgeRule } from '../core/edgeRule';
import type { InputScale } from '../core/inputScale';

export interface RuleControlsProps {
  readonly rule: EdgeRule;
  readonly onPreset: (preset: 'notebook' | 'article') => void;
  readonly onChange: (rule: EdgeRule) => void;
}

const PRESET_LABEL = { notebook: 'Notebook', article: 'Article', custom: 'Custom' } as const;

/** Slider range of the threshold for each input scale (sums reach about 4 × the top input value). */
function thresholdRange(scale: InputScale): { min: number; max: number; step: number } {
  return scale.kind === 'grey255' ? { min: -255, max: 1020, step: 1 } : { min: -6, max: 6, step: 0.5 };
}

/** The threshold rule: two named presets and the free settings behind them. */
export function RuleControls({ rule, onPreset, onChange }: RuleControlsProps) {
  const preset = rulePresetName(rule);
  const range = thresholdRange(rule.input);
  const setInput = (kind: InputScale['kind']) => {
    const input: InputScale = kind === 'binary' ? { kind, cutoff: rule.input.kind === 'binary' ? rule.input.cutoff : 0.5 } : { kind };
    onChange({ ...rule, input });
  };
  return (
    <fieldset className="controls">
      <legend>Threshold rule</legend>
      <div className="controls__row" role="group" aria-label="Rule presets">
        {(['notebook', 'article'] as const).map((p) => (
          <button
            key={p}
            type="button"
            className={preset === p ? 'chip chip--on' : 'chip'}
            aria-pressed={preset === p}
            data-testid={`preset-${p}`}
            onClick={() => onPreset(p)}
          >
            {PRESET_LABEL[p]}
          </button>
        ))}
        <output className="rule-badge" data-testid="rule-name" data-preset={preset}>
          In force: <strong>{PRESET_LABEL[preset]}</strong> — {describeRule(rule)}
        </output>
      </div>
      <div className="controls__row">
        <label>
          Input scale{' '}
          <select value={rule.input.kind} data-testid="input-scale" onChange={(e) => setInput(e.target.value as InputScale['kind'])}>
            <option value="grey255">grey 0–255 (the notebook)</option>
            <option value="grey01">grey 0–1</option>
            <option value="binary">binary 0/1 (the article)</option>
          </select>
        </label>
        {rule.input.kind === 'binary' && (
          <label>
            Cut-off: ink where grey ≥ <strong>{rule.input.cutoff.toFixed(2)}</strong>{' '}
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
          Fires where sum{' '}
          <select value={rule.comparator} data-testid="comparator" onChange={(e) => onChange({ ...rule, comparator: e.target.value as Comparator })}>
            <option value=">">&gt; (greater than, the article's text)</option>
            <option value=">=">≥ (at least, the notebook's code)</option>
          </select>
        </label>
        <label>
          threshold <strong>{rule.threshold}</strong>{' '}
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
}
