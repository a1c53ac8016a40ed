import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartMarker } from '../../charts/LineChart';
import { shownIndex, type ReplayFeed, type ReplayState } from './replayFeed';

const NO_FEED = { subscribe: () => () => undefined, get: (): ReplayState | null => null };

/** The loss chart's marker at the copy the replay shows (testid `loss-marker`); null while it shows none. */
export function useReplayMarker(feed: ReplayFeed | undefined): ChartMarker | null {
  const { t } = useTranslation('replay');
  const source = feed ?? NO_FEED;
  const state = useSyncExternalStore(source.subscribe, source.get);
  const entry = state ? state.store.entries[shownIndex(state)] : undefined;
  return useMemo(() => {
    if (!entry) return null;
    const { point } = entry;
    const label = point.endOfEpoch ? t('marker.epoch', { epoch: point.epoch }) : t('marker.batch', { batch: point.batch });
    return { x: point.examplesSeen, label, testId: 'loss-marker' };
  }, [entry, t]);
}
