import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkOutputSize, randomSizeQuestion, type SizeQuestion } from '../../core/exercises/outputSize';
import { ExerciseCard, type Feedback } from './ExerciseCard';

export interface OutputSizeExerciseProps {
  readonly done: boolean;
  readonly onPass: () => void;
}

/** Exercise: predict the output side of a random convolution (and pooling) before it is revealed. */
export function OutputSizeExercise({ done, onPass }: OutputSizeExerciseProps) {
  const { t } = useTranslation('exercises');
  const [question, setQuestion] = useState<SizeQuestion>(() => randomSizeQuestion());
  const [answer, setAnswer] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const q = question;

  const check = () => {
    const { verdict, working: w } = checkOutputSize(q, answer);
    const lines = [t(`output-size.verdict.${verdict}`)];
    if (verdict !== 'notANumber') {
      lines.push(t('output-size.conv', { n: q.n, p: q.padding, k: q.k, s: q.stride, travel: w.travel, conv: w.conv }));
      if (q.pool > 0) lines.push(t('output-size.pool', { conv: w.conv, pool: q.pool, answer: w.answer }));
    }
    if (verdict === 'pass') onPass();
    setFeedback({ pass: verdict === 'pass', lines });
  };

  const next = () => {
    setQuestion(randomSizeQuestion());
    setAnswer('');
    setFeedback(null);
  };

  return (
    <ExerciseCard id="output-size" done={done} feedback={feedback} onCheck={check}>
      <p
        className="exercise__question"
        data-testid="exercise-size-question"
        data-n={q.n}
        data-k={q.k}
        data-stride={q.stride}
        data-padding={q.padding}
        data-pool={q.pool}
      >
        {t('output-size.question', { n: q.n, k: q.k, s: q.stride, p: q.padding })}{' '}
        {q.pool > 0 ? t('output-size.withPool', { pool: q.pool }) : t('output-size.noPool')}
      </p>
      <div className="exercise__row">
        <label>
          {t('output-size.answer')}{' '}
          <input
            type="text"
            inputMode="numeric"
            className="exercise__number"
            value={answer}
            data-testid="exercise-size-answer"
            onChange={(e) => setAnswer(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') check();
            }}
          />
        </label>
        <button type="button" data-testid="exercise-size-new" onClick={next}>
          {t('output-size.new')}
        </button>
      </div>
    </ExerciseCard>
  );
}
