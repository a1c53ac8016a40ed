import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../common/useErrorText';
import type { TrainingView } from './useTrainingRun';

export interface TrainingProgressProps {
  readonly view: TrainingView;
  /** The run's number of epochs. */
  readonly epochs: number;
  readonly active: boolean;
}

function formatSeconds(t: TFunction<'training'>, s: number): string {
  if (!Number.isFinite(s)) return '–';
  const m = Math.floor(s / 60);
  return m > 0 ? t('minutesSeconds', { m, s: Math.round(s % 60) }) : t('seconds', { s: Math.round(s) });
}

/** Where the run is: a progress bar, the phase, epoch, digits seen, speed and time left, or why it failed. */
export function TrainingProgress({ view, epochs, active }: TrainingProgressProps) {
  const { t, i18n } = useTranslation('training');
  const errorText = useErrorText();
  const last = view.last;
  const progress = last ? last.examplesSeen / last.examplesTotal : 0;
  return (
    <div className="training__progress" data-testid="train-progress" data-phase={view.phase} data-examples={last?.examplesSeen ?? 0}>
      <progress max={1} value={progress} aria-label={t('progressLabel')} />
      <span>
        {view.phase === 'idle'
          ? t('notStarted')
          : [
              t(`phase.${view.phase}`),
              t('epochOf', { epoch: last?.epoch ?? 0, epochs }),
              t('digitsOf', { seen: (last?.examplesSeen ?? 0).toLocaleString(i18n.language), total: (last?.examplesTotal ?? 0).toLocaleString(i18n.language) }),
              t('rate', { rate: Math.round(last?.examplesPerSecond ?? 0) }),
              active ? t('timeLeft', { time: formatSeconds(t, last?.secondsLeft ?? NaN) }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
      </span>
      {view.error != null && (
        <p className="error" role="alert">
          {t('failed', { detail: errorText(view.error) })}
        </p>
      )}
    </div>
  );
}
