import { memo, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { replayFrame } from '../../model/replayFrame';
import type { InputStore } from '../../state/inputStore';
import { useErrorText } from '../common/useErrorText';
import { Figure } from '../export/Figure';
import { PanelInfo } from '../info/PanelInfo';
import { formatBytes } from '../training/formatBytes';
import { largestMagnitude, ReplayFrameView } from './ReplayFrameView';
import { shownIndex, type ReplayFeed } from './replayFeed';
import { ReplayScrubber, usePointText } from './ReplayScrubber';
import { useReplayImage } from './useReplayImage';
import '../../styles/replay.css';

export interface TrainingReplayProps {
  readonly feed: ReplayFeed;
  /** The live input: the replay shows the current digit (a stroke once the pen lifts). */
  readonly input?: InputStore;
}

/**
 * Training replayed: a scrubber over the weight copies the run kept (replayFeed.ts), and at
 * the copy it is on, the first layer's kernels, the first block's maps of the current digit
 * and the prediction, all from the plain forward pass of that copy (no tfjs). The loss chart
 * marks the same place. Shown during a run and after it, until the next run or a reset.
 */
export const TrainingReplay = memo(function TrainingReplay({ feed, input }: TrainingReplayProps) {
  const { t, i18n } = useTranslation('replay');
  const errorText = useErrorText();
  const state = useSyncExternalStore(feed.subscribe, feed.get);
  const image = useReplayImage(input);
  const pointText = usePointText();
  const { spec, store } = state;
  const index = shownIndex(state);
  const entry = index >= 0 ? store.entries[index] : undefined;
  // One colour range for the kernels of the whole run: the conv1 kernel of every kept copy.
  const kernelDomain = useMemo(() => {
    const top = largestMagnitude(store.entries.map((e) => ({ data: e.snapshot.weights[0].values, height: 1, width: e.snapshot.weights[0].values.length })));
    return [-top, top] as const;
  }, [store.entries]);
  const shown = useMemo(() => {
    if (!spec || !entry || !image) return null;
    try {
      return { frame: replayFrame(spec, entry.snapshot.weights, image.data), error: null };
    } catch (error) {
      return { frame: null, error };
    }
  }, [spec, entry, image]);
  const locale = i18n.language;
  return (
    <section
      className="panel replay"
      aria-labelledby="replay-title"
      data-testid="training-replay"
      data-snapshot={index}
      data-snapshots={store.entries.length}
      data-epoch={entry?.point.epoch ?? ''}
      data-batch={entry?.point.endOfEpoch ? '' : (entry?.point.batch ?? '')}
      data-examples={entry?.point.examplesSeen ?? ''}
    >
      <header className="panel__header">
        <div className="titled">
          <h2 id="replay-title">{t('title')}</h2>
          <PanelInfo what="replay" />
        </div>
        <p className="muted">{t('intro')}</p>
      </header>
      <p
        className="replay__memory"
        data-testid="replay-memory"
        data-count={store.entries.length}
        data-bytes={store.bytes}
        data-limit={store.limit}
        data-stride={store.epochStride}
        data-dropped={store.dropped}
      >
        {t('memory', { count: store.entries.length, used: formatBytes(store.bytes, locale), limit: formatBytes(store.limit, locale) })}
        {store.dropped > 0 && ` ${t('thinned', { count: store.dropped, stride: store.epochStride })}`}
      </p>
      {store.tooLarge !== null && (
        <p className="notice" role="status" data-testid="replay-too-large">
          {t('tooLarge', { size: formatBytes(store.tooLarge, locale), limit: formatBytes(store.limit, locale) })}
        </p>
      )}
      {!entry ? (
        <p className="muted" data-testid="replay-empty">
          {t(spec ? 'waiting' : 'empty')}
        </p>
      ) : (
        <>
          <ReplayScrubber points={store.entries.map((e) => e.point)} index={index} following={state.selected === null} onSelect={feed.select} />
          {!image && <p className="muted">{t('noDigit')}</p>}
          {shown?.error != null && <p className="notice">{t('failed', { reason: errorText(shown.error) })}</p>}
          {shown?.frame && (
            <Figure
              title={t('figure', { where: pointText(entry.point) })}
              name={['replay', `epoch-${entry.point.epoch}`, entry.point.endOfEpoch ? 'end' : `batch-${entry.point.batch}`]}
            >
              <ReplayFrameView frame={shown.frame} kernelDomain={kernelDomain} />
            </Figure>
          )}
        </>
      )}
    </section>
  );
});
