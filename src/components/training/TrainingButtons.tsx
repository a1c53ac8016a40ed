import { useTranslation } from 'react-i18next';
import type { RunPhase } from './useTrainingRun';

export interface TrainingButtonsProps {
  readonly phase: RunPhase;
  readonly canStart: boolean;
  /** A run is starting, running, paused or stopping. */
  readonly active: boolean;
  readonly canReset: boolean;
  readonly onStart: () => void;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onStop: () => void;
  readonly onReset: () => void;
}

/** Start, pause or resume, stop, and reset (back to the pretrained model). */
export function TrainingButtons({ phase, canStart, active, canReset, onStart, onPause, onResume, onStop, onReset }: TrainingButtonsProps) {
  const { t } = useTranslation('training');
  return (
    <div className="training__buttons">
      <button type="button" className="primary" data-testid="train-start" disabled={!canStart} onClick={onStart}>
        {t('start')}
      </button>
      {phase === 'paused' ? (
        <button type="button" data-testid="train-resume" onClick={onResume}>
          {t('resume')}
        </button>
      ) : (
        <button type="button" data-testid="train-pause" disabled={phase !== 'running'} onClick={onPause}>
          {t('pause')}
        </button>
      )}
      <button type="button" data-testid="train-stop" disabled={!active} onClick={onStop}>
        {t('stop')}
      </button>
      <button type="button" data-testid="train-reset" disabled={active || !canReset} onClick={onReset}>
        {t('reset')}
      </button>
    </div>
  );
}
