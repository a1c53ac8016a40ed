import { useTranslation } from 'react-i18next';
import type { ReplayPoint } from '../../core/replaySchedule';

export interface ReplayScrubberProps {
  /** Where each kept copy was taken, oldest first. */
  readonly points: readonly ReplayPoint[];
  readonly index: number;
  /** True while the scrubber follows the newest copy. */
  readonly following: boolean;
  readonly onSelect: (index: number | null) => void;
}

/** The words for one copy's place in the run: "end of epoch 3" or "epoch 1, after batch 4 of 94". */
export function usePointText() {
  const { t } = useTranslation('replay');
  return (point: ReplayPoint) =>
    point.endOfEpoch ? t('point.epoch', { epoch: point.epoch }) : t('point.batch', { epoch: point.epoch, batch: point.batch, of: point.batchesPerEpoch });
}

/** A range input over the kept copies (arrow keys, Home, End), with a step back, a step on and "newest". */
export function ReplayScrubber({ points, index, following, onSelect }: ReplayScrubberProps) {
  const { t } = useTranslation('replay');
  const text = usePointText();
  const last = points.length - 1;
  const point = points[index];
  return (
    <div className="replay__scrubber" role="group" aria-label={t('scrubberGroup')}>
      <button type="button" data-testid="replay-prev" disabled={index <= 0} onClick={() => onSelect(index - 1)} aria-label={t('previous')}>
        ◀
      </button>
      <input
        type="range"
        data-testid="replay-scrubber"
        min={0}
        max={Math.max(0, last)}
        step={1}
        value={index}
        disabled={points.length < 2}
        aria-label={t('scrubber')}
        aria-valuetext={point ? `${text(point)}, ${t('seen', { count: point.examplesSeen })}` : undefined}
        onChange={(e) => onSelect(Number(e.target.value))}
      />
      <button type="button" data-testid="replay-next" disabled={index >= last} onClick={() => onSelect(index + 1)} aria-label={t('next')}>
        ▶
      </button>
      <button type="button" data-testid="replay-latest" disabled={following} onClick={() => onSelect(null)}>
        {t('latest')}
      </button>
      {point && (
        <output className="replay__where" data-testid="replay-where">
          <strong>{text(point)}</strong> · {t('seen', { count: point.examplesSeen })} · {t('position', { n: index + 1, of: points.length })}
        </output>
      )}
    </div>
  );
}
