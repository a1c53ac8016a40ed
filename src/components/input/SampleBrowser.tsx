import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MnistData } from '../../data/mnistFormat';
import { digitImage, isHeldOut, sampleIndex, type SampleId } from '../../data/split';
import { COLOUR_SCALES } from '../../render/palette';
import { FeatureMapThumb } from '../common/FeatureMapThumb';

export interface SampleBrowserProps {
  readonly data: MnistData;
  /** The sample shown, or null when the input is a drawing or an upload. */
  readonly current: SampleId | null;
  readonly onPick: (id: SampleId) => void;
  /** Random source in [0, 1), injectable for tests. */
  readonly random?: () => number;
}

const THUMBS = 7;

/** Pick a real MNIST digit: a class, an index within it (or random), and a strip of thumbnails. */
export const SampleBrowser = memo(function SampleBrowser({ data, current, onPick, random = Math.random }: SampleBrowserProps) {
  const { t } = useTranslation('input');
  const digit = current?.digit ?? 2;
  const index = current?.index ?? 0;
  const count = data.classCount[digit];
  const first = Math.max(0, Math.min(count - THUMBS, index - Math.floor(THUMBS / 2)));
  const thumbs = useMemo(
    () =>
      Array.from({ length: Math.min(THUMBS, count) }, (_, k) => {
        const id = { digit, index: first + k };
        return { id, image: digitImage(data, sampleIndex(data, id)) };
      }),
    [data, digit, first, count],
  );
  return (
    <div className="sample-browser">
      <div className="sample-browser__classes" role="group" aria-label={t('samples.class')}>
        {Array.from({ length: 10 }, (_, d) => (
          <button
            key={d}
            type="button"
            className={current && d === digit ? 'chip chip--on' : 'chip'}
            aria-pressed={current !== null && d === digit}
            data-testid={`sample-class-${d}`}
            onClick={() => onPick({ digit: d, index: 0 })}
          >
            {d}
          </button>
        ))}
      </div>
      <div className="sample-browser__row">
        <label>
          {t('samples.index')}{' '}
          <input
            type="number"
            min={0}
            max={count - 1}
            value={index}
            data-testid="sample-index"
            onChange={(e) => {
              const v = Math.round(Number(e.target.value));
              if (Number.isFinite(v) && v >= 0 && v < count) onPick({ digit, index: v });
            }}
          />
        </label>
        <span className="muted">{t('samples.of', { count })}</span>
        <button
          type="button"
          data-testid="sample-random"
          onClick={() => {
            const d = Math.floor(random() * 10);
            onPick({ digit: d, index: Math.floor(random() * data.classCount[d]) });
          }}
        >
          {t('samples.random')}
        </button>
        {current && (
          <span className="badge" title={t('samples.heldOutTitle')}>
            {isHeldOut(data, current) ? t('samples.heldOut') : t('samples.training')}
          </span>
        )}
      </div>
      <div className="sample-browser__thumbs" role="group" aria-label={t('samples.classDigits', { digit })}>
        {thumbs.map(({ id, image }) => (
          <button
            key={id.index}
            type="button"
            className={current && id.index === index ? 'thumb thumb--on' : 'thumb'}
            aria-label={t('samples.use', { digit: id.digit, index: id.index })}
            onClick={() => onPick(id)}
          >
            <FeatureMapThumb grid={image} scale={COLOUR_SCALES.grey} />
          </button>
        ))}
      </div>
    </div>
  );
});
