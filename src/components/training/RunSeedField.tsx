import { useTranslation } from 'react-i18next';
import { MAX_RUN_SEED, parseRunSeed } from '../../state/runSeed';

export interface RunSeedFieldProps {
  /** What the student typed (blank: a new random seed for every run). */
  readonly text: string;
  readonly onChange: (text: string) => void;
  /** The seed the last run started here used, or null before the first run. */
  readonly lastSeed: number | null;
}

/** The run's seed: blank for a random one, or a number that makes a run repeat exactly. */
export function RunSeedField({ text, onChange, lastSeed }: RunSeedFieldProps) {
  const { t } = useTranslation('training');
  const bad = !parseRunSeed(text).ok;
  return (
    <div className="controls__row">
      <label>
        {t('seed')}{' '}
        <input
          type="text"
          inputMode="numeric"
          size={8}
          value={text}
          placeholder={t('seedPlaceholder')}
          aria-invalid={bad}
          aria-describedby={bad ? 'train-seed-problem' : undefined}
          data-testid="train-seed"
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {bad && (
        <span id="train-seed-problem" role="alert" className="error" data-testid="train-seed-problem">
          {t('seedProblem', { max: MAX_RUN_SEED })}
        </span>
      )}
      {!bad && lastSeed !== null && (
        <span className="muted" data-testid="train-last-seed" data-seed={lastSeed}>
          {t('lastSeed', { seed: lastSeed })}
        </span>
      )}
    </div>
  );
}
