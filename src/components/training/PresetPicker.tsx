import { useTranslation } from 'react-i18next';
import { TRAINING_PRESET_IDS, TRAINING_PRESETS, type TrainingPresetId } from '../../model/presets';
import type { ModelSpec } from '../../model/spec';
import { InfoButton } from '../info/InfoButton';

export interface PresetPickerProps {
  /** The preset the current settings match exactly, or null when they were changed by hand. */
  readonly current: TrainingPresetId | null;
  readonly disabled: boolean;
  readonly onPick: (id: TrainingPresetId) => void;
}

/** The preset whose spec and run settings equal the given ones, if any. */
export function matchingPreset(spec: ModelSpec, run: object): TrainingPresetId | null {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (
    TRAINING_PRESET_IDS.find(
      (id) => same(TRAINING_PRESETS[id].spec, spec) && Object.entries(TRAINING_PRESETS[id].run).every(([k, v]) => same((run as Record<string, unknown>)[k], v)),
    ) ?? null
  );
}

/** One click sets the architecture and the run settings for a lesson; one line says what it shows. */
export function PresetPicker({ current, disabled, onPick }: PresetPickerProps) {
  const { t } = useTranslation('lessons');
  return (
    <div className="preset-picker">
      <label>
        {t('presets.label')}{' '}
        <select value={current ?? 'custom'} disabled={disabled} data-testid="train-preset" onChange={(e) => onPick(e.target.value as TrainingPresetId)}>
          {TRAINING_PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`presets.${id}`)}
            </option>
          ))}
          {current === null && (
            <option value="custom" disabled>
              {t('presets.custom')}
            </option>
          )}
        </select>
      </label>
      <InfoButton panel="presets" topic={t('presets.label')} paragraphs={[t('presets.info')]} />
      <p className="muted preset-picker__why" data-testid="train-preset-explanation">
        {t(`presets.${current ?? 'custom'}Why`)}
      </p>
    </div>
  );
}
