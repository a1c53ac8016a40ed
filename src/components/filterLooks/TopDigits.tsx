import { useMemo, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { MnistData } from '../../data/mnistFormat';
import { digitImage, sampleIndex } from '../../data/split';
import type { ChannelMaxima } from '../../model/filterLooks/channelMaxima';
import { traceLayerCell, type SpatialLayer } from '../../model/spatialOps';
import type { LabAction } from '../../state/labState';
import type { HeldOutSet } from '../../data/heldOut';
import { OutlinedImage } from './OutlinedImage';
import { formatActivation } from './formatActivation';

export interface TopDigitsProps {
  readonly data: MnistData;
  readonly held: HeldOutSet;
  readonly maxima: ChannelMaxima;
  readonly chain: readonly SpatialLayer[];
  readonly channel: number;
  /** Positions (in the held-out split) of the digits to show, best first. */
  readonly top: readonly number[];
  readonly dispatch: Dispatch<LabAction>;
}

const THUMB = 76;

/** The held-out digits a channel answers most to, each with its strongest cell's receptive field outlined; a click loads one. */
export function TopDigits({ data, held, maxima, chain, channel, top, dispatch }: TopDigitsProps) {
  const { t } = useTranslation('filterLooks');
  // Made once per list, so a re-render (the ascent's progress) repaints none of them.
  const images = useMemo(() => top.map((d) => digitImage(data, sampleIndex(data, held.ids[d]))), [data, held, top]);
  return (
    <ol className="filter-looks__digits" data-testid="filter-looks-digits">
      {top.map((d, rank) => {
        const id = held.ids[d];
        const at = d * maxima.channels + channel;
        const value = maxima.values[at];
        const cell = maxima.cells[at];
        const row = Math.floor(cell / maxima.width);
        const col = cell % maxima.width;
        const field = traceLayerCell(chain, maxima.layer, row, col)?.regions[0] ?? null;
        return (
          <li key={d}>
            <button
              type="button"
              className="filter-looks__digit"
              data-testid="filter-looks-digit"
              data-digit={id.digit}
              data-index={id.index}
              data-value={value}
              data-rank={rank + 1}
              aria-label={t('digitLabel', { rank: rank + 1, digit: id.digit, index: id.index, value: formatActivation(value), row: row + 1, col: col + 1 })}
              onClick={() => dispatch({ type: 'pickSample', id })}
            >
              <OutlinedImage image={images[rank]} field={field} side={THUMB} />
              <span className="filter-looks__digit-value">{formatActivation(value)}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
