import { useTranslation } from 'react-i18next';
import { FIRST_LAYER_STARTS, type EdgeStartProblem, type FirstLayerStart } from '../../model/firstLayerStart';
import '../../styles/compare.css';

export interface FirstLayerStartPickerProps {
  readonly value: FirstLayerStart;
  /** Why the edge filters cannot start this network, or null when they can. */
  readonly problem: EdgeStartProblem;
  /** Only a network trained from scratch has a first layer to choose a start for. */
  readonly fromScratch: boolean;
  readonly onChange: (value: FirstLayerStart) => void;
}

/** "First layer starts from": random kernels, or the article's edge filters (trainable or frozen). */
export function FirstLayerStartPicker({ value, problem, fromScratch, onChange }: FirstLayerStartPickerProps) {
  const { t } = useTranslation('compare');
  const blocked = fromScratch && value !== 'random' && problem !== null;
  return (
    <div className="first-layer-start">
      <label>
        {t('start.label')}{' '}
        <select value={value} data-testid="train-first-layer" disabled={!fromScratch} onChange={(e) => onChange(e.target.value as FirstLayerStart)}>
          {FIRST_LAYER_STARTS.map((s) => (
            <option key={s} value={s} disabled={s !== 'random' && problem !== null}>
              {t(`start.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <p className={blocked ? 'error filter-compare__note' : 'muted filter-compare__note'} data-testid="train-first-layer-note">
        {!fromScratch ? t('start.onlyScratch') : problem ? t(`start.problem.${problem}`) : value === 'random' ? t('start.randomNote') : t(`start.${value}Note`)}
      </p>
    </div>
  );
}
