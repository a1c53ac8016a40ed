/**
 * The parts of the Training panel that follow every chart update (progress, charts, gradient
 * sizes), each reading the run's view from its store: a batch re-renders these, not the panel,
 * and the panel's own updates (the status, a few times a second) pass them by.
 */
import { memo } from 'react';
import { useReplayMarker } from '../replay/useReplayMarker';
import type { ReplayFeed } from '../replay/replayFeed';
import type { RunRecord } from './useRunHistory';
import { GradientPanel } from './GradientPanel';
import { TrainingCharts } from './TrainingCharts';
import { TrainingProgress } from './TrainingProgress';
import type { TrainingView } from './useTrainingRun';
import { useTrainingView } from './useTrainingView';
import type { ViewStore } from './viewStore';

type Store = ViewStore<TrainingView>;

export const LiveProgress = memo(function LiveProgress({
  store,
  epochs,
  active,
}: {
  readonly store: Store;
  readonly epochs: number;
  readonly active: boolean;
}) {
  return <TrainingProgress view={useTrainingView(store)} epochs={epochs} active={active} />;
});

export const LiveCharts = memo(function LiveCharts({
  store,
  epochs,
  previous,
  replay,
}: {
  readonly store: Store;
  readonly epochs: number;
  readonly previous: RunRecord | null;
  /** The training replay, whose place the loss chart marks. */
  readonly replay?: ReplayFeed;
}) {
  return <TrainingCharts view={useTrainingView(store)} epochs={epochs} previous={previous} marker={useReplayMarker(replay)} />;
});

const gradientsOf = (view: TrainingView) => view.gradients;

export const LiveGradients = memo(function LiveGradients({ store }: { readonly store: Store }) {
  return <GradientPanel gradients={useTrainingView(store, gradientsOf)} />;
});
