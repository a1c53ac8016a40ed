import { useTranslation } from 'react-i18next';
import { RichText } from '../common/RichText';
import { LineChart, type ChartMarker } from '../../charts/LineChart';
import { CHART } from '../../render/palette';
import type { EpochMetrics } from '../../model/trainMetrics';
import { ChartFigure } from '../export/ChartFigure';
import type { TrainingView } from './useTrainingRun';
import { heldOutPoints, type RunRecord } from './useRunHistory';

export interface TrainingChartsProps {
  readonly view: TrainingView;
  /** The run's number of epochs. */
  readonly epochs: number;
  /** The run before this one, drawn dashed for comparison; null when there is none. */
  readonly previous: RunRecord | null;
  /** The training replay's place on the loss curve; null when it has none. */
  readonly marker?: ChartMarker | null;
}

/** Loss and accuracy as the run goes: per batch, held-out per epoch, and the previous run's held-out curve. */
export function TrainingCharts({ view, epochs, previous, marker = null }: TrainingChartsProps) {
  const { t } = useTranslation('training');
  const { t: tCompare } = useTranslation('compare');
  const last = view.last;
  const epochX = (i: number) => (i + 1) * (last ? last.examplesTotal / epochs : 0);
  const previousSeries = (pick: (e: EpochMetrics) => number) =>
    previous ? [{ name: tCompare('series.previous'), colour: CHART.previousRun, dots: true, dashed: true, points: heldOutPoints(previous, pick) }] : [];
  const lossSeries = [
    { name: t('series.training'), colour: CHART.training, points: view.batches.map((b) => [b[0], b[1]] as const) },
    { name: t('series.heldOut'), colour: CHART.heldOut, dots: true, points: view.epochs.map((e, i) => [epochX(i), e.heldOutLoss] as const) },
    ...previousSeries((e) => e.heldOutLoss),
  ];
  const accSeries = [
    { name: t('series.training'), colour: CHART.training, points: view.batches.map((b) => [b[0], b[2]] as const) },
    { name: t('series.heldOut'), colour: CHART.heldOut, dots: true, points: view.epochs.map((e, i) => [epochX(i), e.heldOutAccuracy] as const) },
    ...previousSeries((e) => e.heldOutAccuracy),
  ];
  return (
    <>
      <div className="training__charts">
        <ChartFigure chart="loss">
          <LineChart title={t('chart.loss')} series={lossSeries} xLabel={t('chart.x')} testId="chart-loss" marker={marker} />
        </ChartFigure>
        <ChartFigure chart="accuracy">
          <LineChart
            title={t('chart.accuracy')}
            series={accSeries}
            xLabel={t('chart.x')}
            yDomain={[0, 1]}
            format={(v) => `${Math.round(v * 100)}%`}
            testId="chart-accuracy"
          />
        </ChartFigure>
      </div>
      {previous && (
        <p className="muted filter-compare__note" data-testid="previous-run-note">
          {tCompare('series.previousNote', { start: tCompare(`start.short.${previous.meta.firstLayer}`), dropout: previous.meta.dropout.join(' / ') || '–' })}
        </p>
      )}
    </>
  );
}

/** "Held-out accuracy after epoch n": the last epoch's score, once there is one. */
export function HeldOutScore({ epochs }: { readonly epochs: readonly EpochMetrics[] }) {
  const { t } = useTranslation('training');
  if (epochs.length === 0) return null;
  const last = epochs[epochs.length - 1];
  return (
    <p data-testid="train-heldout" data-accuracy={last.heldOutAccuracy} data-train-accuracy={last.trainAccuracy} data-epoch={epochs.length}>
      <RichText
        t={t}
        i18nKey="heldOut"
        values={{ epoch: epochs.length, accuracy: (last.heldOutAccuracy * 100).toFixed(1) }}
        components={{ value: <strong /> }}
      />
    </p>
  );
}
