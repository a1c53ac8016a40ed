import { useTranslation } from 'react-i18next';
import type { EdgeStartProblem, FirstLayerStart } from '../../model/firstLayerStart';
import type { LearningRateSchedule, OptimizerName } from '../../model/trainOptions';
import type { RunSettings } from '../../state/runSettings';
import { FirstLayerStartPicker } from './FirstLayerStartPicker';
import { RunSeedField, type RunSeedFieldProps } from './RunSeedField';

export interface TrainingSettingsProps {
  readonly settings: RunSettings;
  readonly onChange: <K extends keyof RunSettings>(key: K, value: RunSettings[K]) => void;
  /** A trained model exists, so a run can continue it. */
  readonly canContinue: boolean;
  readonly firstLayer: FirstLayerStart;
  readonly firstLayerProblem: EdgeStartProblem;
  readonly onFirstLayer: (value: FirstLayerStart) => void;
  readonly disabled: boolean;
  /** The seed field. */
  readonly seed: RunSeedFieldProps;
}

const LEARNING_RATES = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.1];
const BATCH_SIZES = [16, 32, 64, 128, 256];
const EPOCHS = [1, 2, 3, 5, 8, 10, 20];
const TRAIN_EXAMPLES = [100, 256, 500, 1000, 3000, 9000];

/** The settings of the next run: where it starts, optimiser, learning rate, batches, epochs, digits, distortions, seed, first layer. */
export function TrainingSettings({ settings, onChange: set, canContinue, firstLayer, firstLayerProblem, onFirstLayer, disabled, seed }: TrainingSettingsProps) {
  const { t, i18n } = useTranslation('training');
  const { t: tModels } = useTranslation('models');
  return (
    <fieldset className="controls" disabled={disabled}>
      <legend>{t('run')}</legend>
      <div className="controls__row">
        <label>
          {t('startFrom')}{' '}
          <select value={settings.start} data-testid="train-start-from" onChange={(e) => set('start', e.target.value as RunSettings['start'])}>
            <option value="scratch">{t('scratch')}</option>
            <option value="pretrained">{t('fineTune')}</option>
            <option value="current" disabled={!canContinue}>
              {tModels('startFromCurrent')}
            </option>
          </select>
        </label>
        <label>
          {t('optimiser')}{' '}
          <select value={settings.optimizer} onChange={(e) => set('optimizer', e.target.value as OptimizerName)}>
            <option value="adam">Adam</option>
            <option value="sgd">SGD</option>
            <option value="rmsprop">RMSProp</option>
          </select>
        </label>
        <label>
          {t('learningRate')}{' '}
          <select value={settings.learningRate} data-testid="train-lr" onChange={(e) => set('learningRate', Number(e.target.value))}>
            {LEARNING_RATES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('schedule')}{' '}
          <select value={settings.schedule} data-testid="train-schedule" onChange={(e) => set('schedule', e.target.value as LearningRateSchedule)}>
            <option value="constant">{t('scheduleConstant')}</option>
            <option value="cosine">{t('scheduleCosine')}</option>
          </select>
        </label>
      </div>
      <div className="controls__row">
        <label>
          {t('batchSize')}{' '}
          <select value={settings.batchSize} data-testid="train-batch" onChange={(e) => set('batchSize', Number(e.target.value))}>
            {BATCH_SIZES.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label>
          {t('epochs')}{' '}
          <select value={settings.epochs} data-testid="train-epochs" onChange={(e) => set('epochs', Number(e.target.value))}>
            {EPOCHS.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label>
          {t('trainExamples')}{' '}
          <select value={settings.trainExamples} data-testid="train-examples" onChange={(e) => set('trainExamples', Number(e.target.value))}>
            {TRAIN_EXAMPLES.map((v) => (
              <option key={v} value={v}>
                {v.toLocaleString(i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={settings.augment} onChange={(e) => set('augment', e.target.checked)} /> {t('augment')}
        </label>
      </div>
      <RunSeedField {...seed} />
      <FirstLayerStartPicker value={firstLayer} problem={firstLayerProblem} fromScratch={settings.start === 'scratch'} onChange={onFirstLayer} />
    </fieldset>
  );
}
