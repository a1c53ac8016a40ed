import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkMisclassified, type LabelSource } from '../../core/exercises/misclassified';
import type { InputSource } from '../../state/labState';
import { DigitSelect } from '../common/DigitSelect';
import { ExerciseCard, type Feedback } from './ExerciseCard';

export interface MisclassifiedExerciseProps {
  readonly source: InputSource;
  /** The model's softmax output for the current input, or null while unknown or out of date. */
  readonly probabilities: Float32Array | null;
  readonly done: boolean;
  readonly onPass: () => void;
}

/** Exercise: find an MNIST digit, or draw one, that the model classifies wrongly. */
export function MisclassifiedExercise({ source, probabilities, done, onPass }: MisclassifiedExerciseProps) {
  const { t } = useTranslation('exercises');
  const [stated, setStated] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const labelSource: LabelSource = source.kind === 'sample' ? { kind: 'sample', digit: source.id.digit } : { kind: source.kind };

  const check = () => {
    const result = checkMisclassified(labelSource, stated, probabilities);
    const lines = [t(`misclassified.verdict.${result.verdict}`, { truth: result.truth ?? '', predicted: result.predicted ?? '' })];
    if (result.verdict === 'modelRight') lines.push(t('misclassified.hint'));
    if (result.verdict === 'pass') onPass();
    setFeedback({ pass: result.verdict === 'pass', lines });
  };

  return (
    <ExerciseCard id="misclassified" done={done} feedback={feedback} onCheck={check}>
      <div className="exercise__row">
        <DigitSelect label={t('misclassified.truth')} placeholder={t('misclassified.choose')} value={stated} onChange={setStated} testId="exercise-truth" />
        <span className="muted">{t(`misclassified.source.${source.kind}`)}</span>
      </div>
    </ExerciseCard>
  );
}
