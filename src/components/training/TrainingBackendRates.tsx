import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainerInfo } from '../../model/trainMetrics';
import { requestRemeasure } from '../../worker/pageSignals';
import { ratesAttribute, rounded } from './trialRates';

/**
 * The measured trial that chose the worker's backend: every backend's rate (or that it
 * failed, with its reason on hover), the choice, when it was measured and whether it was
 * remembered from an earlier visit; and a button that makes the next run measure again.
 * Training on the page runs no trial, and says so.
 */
export function TrainingBackendRates({ trainer }: { readonly trainer: TrainerInfo | null }) {
  const { t, i18n } = useTranslation('training');
  const [askedAt, setAskedAt] = useState<number | null>(null);
  if (!trainer) return null;
  const trial = trainer.trial;
  if (!trainer.inWorker || !trial) {
    return (
      <p className="training__backend" data-testid="train-backend-rates" data-choice="" data-rates="">
        {t(trainer.inWorker ? 'trial.none' : 'trial.onPage')}
      </p>
    );
  }
  const name = (backend: string) => t(`trial.name.${backend}`);
  const rates = trial.rates.map((r, i) => (
    <span key={r.backend} title={r.error ?? undefined}>
      {i > 0 ? ' · ' : ''}
      {r.examplesPerSecond === null
        ? t('trial.failed', { backend: name(r.backend) })
        : t(i === 0 ? 'trial.firstRate' : 'trial.rate', { backend: name(r.backend), rate: rounded(r.examplesPerSecond).toLocaleString(i18n.language) })}
    </span>
  ));
  const date = new Date(trial.measuredAt).toLocaleDateString(i18n.language, { day: 'numeric', month: 'short' });
  const asked = askedAt === trial.measuredAt;
  return (
    <p
      className="training__backend"
      data-testid="train-backend-rates"
      data-choice={trial.choice}
      data-remembered={String(trial.remembered)}
      data-rates={ratesAttribute(trial.rates)}
      data-measured-at={trial.measuredAt}
    >
      {t('trial.label')} {rates} {t(trial.remembered ? 'trial.choseRemembered' : 'trial.choseNow', { backend: name(trial.choice), date })}{' '}
      <button
        type="button"
        className="training__remeasure"
        data-testid="train-backend-remeasure"
        disabled={asked}
        onClick={() => {
          requestRemeasure();
          setAskedAt(trial.measuredAt);
        }}
      >
        {t(asked ? 'trial.remeasureAsked' : 'trial.remeasure')}
      </button>
    </p>
  );
}
