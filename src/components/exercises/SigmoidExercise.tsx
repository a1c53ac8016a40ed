import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkSigmoidRun, finishedRunOf, SIGMOID_RECIPE, SIGMOID_RECIPE_REACHES } from '../../core/exercises/sigmoidRun';
import type { SessionStatus } from '../../model/session';
import { ExerciseCard, type Feedback } from './ExerciseCard';

export interface SigmoidExerciseProps {
  readonly status: SessionStatus | null;
  readonly done: boolean;
  readonly onPass: () => void;
}

const percent = (v: number) => (v * 100).toFixed(1);

/** Exercise: train a network whose layers all use sigmoid to nearly the accuracy of ReLU. */
export function SigmoidExercise({ status, done, onPass }: SigmoidExerciseProps) {
  const { t } = useTranslation('exercises');
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const check = () => {
    const result = checkSigmoidRun(finishedRunOf(status));
    const params = {
      accuracy: result.accuracy === null ? '' : percent(result.accuracy),
      needed: percent(result.needed),
      blocks: result.notSigmoid.convBlocks.join(', '),
      dense: result.notSigmoid.dense.join(', '),
    };
    const lines = [t(`sigmoid.verdict.${result.verdict}`, params)];
    if (result.verdict === 'notSigmoid') {
      if (result.notSigmoid.convBlocks.length) lines.push(t('sigmoid.blocks', params));
      if (result.notSigmoid.dense.length) lines.push(t('sigmoid.dense', params));
    }
    if (result.verdict === 'tooLow') {
      lines.push(t('sigmoid.hints', { ...SIGMOID_RECIPE, low: percent(SIGMOID_RECIPE_REACHES.low), high: percent(SIGMOID_RECIPE_REACHES.high) }));
    }
    if (result.verdict === 'pass') onPass();
    setFeedback({ pass: result.verdict === 'pass', lines });
  };

  return (
    <ExerciseCard id="sigmoid" done={done} feedback={feedback} onCheck={check}>
      <p className="muted exercise__hint">{t('sigmoid.how')}</p>
    </ExerciseCard>
  );
}
