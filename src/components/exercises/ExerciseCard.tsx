import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseId } from '../../core/exercises/progress';

/** What the last check said: a pass or a fail, and the words explaining it (already translated). */
export interface Feedback {
  readonly pass: boolean;
  readonly lines: readonly string[];
}

export interface ExerciseCardProps {
  readonly id: ExerciseId;
  readonly done: boolean;
  readonly feedback: Feedback | null;
  readonly onCheck: () => void;
  /** False while the check cannot run yet (data or model still loading). */
  readonly ready?: boolean;
  readonly children: ReactNode;
}

/** One exercise: its title and task, its inputs, a Check button and the feedback. */
export function ExerciseCard({ id, done, feedback, onCheck, ready = true, children }: ExerciseCardProps) {
  const { t } = useTranslation('exercises');
  const titleId = `exercise-title-${id}`;
  return (
    <li className={done ? 'exercise exercise--done' : 'exercise'} data-testid={`exercise-${id}`} data-done={String(done)} aria-labelledby={titleId}>
      <h3 id={titleId} className="exercise__title">
        <span className="exercise__mark" aria-hidden="true">
          {done ? '✓' : '○'}
        </span>
        {t(`${id}.title`)}
        {done && <span className="exercise__done">{t('done')}</span>}
      </h3>
      <p className="exercise__task">{t(`${id}.task`)}</p>
      {children}
      <div className="exercise__actions">
        <button type="button" className="primary" data-testid={`exercise-check-${id}`} disabled={!ready} onClick={onCheck}>
          {t('check')}
        </button>
      </div>
      <div className="exercise__feedback" role="status" data-testid={`exercise-feedback-${id}`} data-result={feedback ? (feedback.pass ? 'pass' : 'fail') : ''}>
        {feedback && (
          <div className={feedback.pass ? 'exercise__verdict exercise__verdict--pass' : 'exercise__verdict exercise__verdict--fail'}>
            <strong>{feedback.pass ? t('pass') : t('fail')}</strong>
            {feedback.lines.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
        )}
      </div>
    </li>
  );
}
