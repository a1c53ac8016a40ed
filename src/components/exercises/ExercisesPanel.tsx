import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MnistData } from '../../data/mnistFormat';
import type { SessionStatus } from '../../model/session';
import type { InputSource } from '../../state/labState';
import { EXERCISE_IDS } from '../../core/exercises/progress';
import { InfoButton } from '../info/InfoButton';
import { MisclassifiedExercise } from './MisclassifiedExercise';
import { OutputSizeExercise } from './OutputSizeExercise';
import { SigmoidExercise } from './SigmoidExercise';
import { StrokeFilterExercise } from './StrokeFilterExercise';
import { useExerciseProgress } from './useExerciseProgress';
import '../../styles/exercises.css';

export interface ExercisesPanelProps {
  readonly data: MnistData | null;
  readonly source: InputSource;
  /** The model's softmax output for the current input; null while unknown, out of date or empty. */
  readonly probabilities: Float32Array | null;
  readonly status: SessionStatus | null;
}

/**
 * Exercises with automatic feedback; which ones are done is remembered in the browser. It stays
 * mounted while other tabs are shown, so answers and progress survive a tab switch even where
 * the browser cannot store them.
 */
export const ExercisesPanel = memo(function ExercisesPanel({ data, source, probabilities, status }: ExercisesPanelProps) {
  const { t } = useTranslation('exercises');
  const { progress, remembered, complete } = useExerciseProgress();
  const doneCount = EXERCISE_IDS.filter((id) => progress[id] !== undefined).length;
  return (
    <section className="panel exercises" aria-labelledby="exercises-title" data-testid="exercises-panel">
      <header className="exercises__header">
        <h2 id="exercises-title">{t('title')}</h2>
        <InfoButton panel="exercises" topic={t('title')} paragraphs={[t('info.what'), t('info.progress')]} />
        <span className="muted" data-testid="exercises-done" data-count={doneCount}>
          {t('doneCount', { done: doneCount, total: EXERCISE_IDS.length })}
        </span>
      </header>
      {!remembered && (
        <p className="notice" role="status">
          {t('notRemembered')}
        </p>
      )}
      <ol className="exercises__list">
        <StrokeFilterExercise data={data} done={progress['stroke-filter'] !== undefined} onPass={() => complete('stroke-filter')} />
        <OutputSizeExercise done={progress['output-size'] !== undefined} onPass={() => complete('output-size')} />
        <MisclassifiedExercise
          source={source}
          probabilities={probabilities}
          done={progress.misclassified !== undefined}
          onPass={() => complete('misclassified')}
        />
        <SigmoidExercise status={status} done={progress.sigmoid !== undefined} onPass={() => complete('sigmoid')} />
      </ol>
    </section>
  );
});
