import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkStrokeFilter } from '../../core/exercises/strokeFilter';
import { createGrid, type Grid } from '../../core/grid';
import type { MnistData } from '../../data/mnistFormat';
import { digitImage, splitIndices, TEST_PER_CLASS } from '../../data/split';
import { ExerciseCard, type Feedback } from './ExerciseCard';

/** Held-out digits the filter is checked on, per class. */
const DIGITS_PER_CLASS = 10;

function heldOutDigits(data: MnistData): Grid[] {
  const { test } = splitIndices(data);
  const out: Grid[] = [];
  for (let d = 0; d < 10; d++) for (let k = 0; k < DIGITS_PER_CLASS; k++) out.push(digitImage(data, test[d * TEST_PER_CLASS + k]));
  return out;
}

export interface StrokeFilterExerciseProps {
  readonly data: MnistData | null;
  readonly done: boolean;
  readonly onPass: () => void;
}

/** Exercise: type a 3x3 kernel that finds horizontal strokes, checked on held-out digits. */
export function StrokeFilterExercise({ data, done, onPass }: StrokeFilterExerciseProps) {
  const { t } = useTranslation('exercises');
  const [cells, setCells] = useState<string[]>(() => Array(9).fill('0'));
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const digits = useMemo(() => (data ? heldOutDigits(data) : null), [data]);

  const check = () => {
    if (!digits) return;
    const values = cells.map((c) => (c.trim() === '' ? NaN : Number(c)));
    const result = checkStrokeFilter(createGrid(3, 3, Float32Array.from(values)), digits);
    const score = result.score;
    const lines = [t(`stroke-filter.verdict.${result.verdict}`)];
    if (score && score.firedCells > 0) {
      lines.push(
        t('stroke-filter.numbers', {
          h: Math.round(score.horizontalResponse),
          v: Math.round(score.verticalResponse),
          hit: Math.round(score.horizontalHit * 100),
          digits: digits.length,
        }),
      );
    }
    if (result.verdict === 'pass') onPass();
    setFeedback({ pass: result.verdict === 'pass', lines });
  };

  return (
    <ExerciseCard id="stroke-filter" done={done} feedback={feedback} onCheck={check} ready={!!digits}>
      <div className="exercise__kernel" role="group" aria-label={t('stroke-filter.kernel')}>
        {cells.map((text, i) => (
          <input
            key={i}
            type="text"
            inputMode="decimal"
            className="exercise__weight"
            value={text}
            aria-label={t('stroke-filter.weight', { row: Math.floor(i / 3) + 1, col: (i % 3) + 1 })}
            data-testid={`exercise-kernel-${i}`}
            onChange={(e) => setCells((c) => c.map((old, j) => (j === i ? e.target.value : old)))}
          />
        ))}
      </div>
      <p className="muted exercise__hint">{t('stroke-filter.rule')}</p>
    </ExerciseCard>
  );
}
