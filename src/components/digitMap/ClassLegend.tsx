import { useTranslation } from 'react-i18next';
import { DIGIT_CLASS_COLOURS } from '../../render/palette';
import { isStroked, MARKER_PATHS } from './DigitScatter';

const DIGITS = Array.from({ length: 10 }, (_, d) => d);

/** The ten classes' markers with their numerals; pressing one shows that class strongly and fades the others. */
export function ClassLegend({ highlight, onHighlight }: { highlight: number | null; onHighlight: (digit: number | null) => void }) {
  const { t } = useTranslation('digitMap');
  return (
    <div className="digit-legend" role="group" aria-label={t('legend')} data-testid="digit-map-legend">
      {DIGITS.map((d) => (
        <button
          key={d}
          type="button"
          className="digit-legend__entry"
          aria-pressed={highlight === d}
          aria-label={t('highlight', { digit: d })}
          data-testid={`digit-map-legend-${d}`}
          onClick={() => onHighlight(highlight === d ? null : d)}
        >
          <svg width={18} height={18} viewBox="-9 -9 18 18" aria-hidden="true">
            <path
              d={MARKER_PATHS[d]}
              fill={isStroked(d) ? 'none' : DIGIT_CLASS_COLOURS[d]}
              stroke={isStroked(d) ? DIGIT_CLASS_COLOURS[d] : 'none'}
              strokeWidth={isStroked(d) ? 1.8 : 0}
              transform="scale(1.4)"
            />
          </svg>
          <span>{d}</span>
        </button>
      ))}
    </div>
  );
}
