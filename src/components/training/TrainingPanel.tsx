import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { LineChart } from '../../charts/LineChart';
import type { MnistData } from '../../data/mnistFormat';
import { DEFAULT_AUGMENT } from '../../model/augment';
import type { ModelSession, SessionStatus } from '../../model/session';
import { DEFAULT_SPEC, validateSpec, type ModelSpec } from '../../model/spec';
import type { EpochMetrics, OptimizerName } from '../../model/train';
import { trainingDataFromMnist } from '../../model/trainingData';
import { ArchitectureEditor } from './ArchitectureEditor';
import { ChartFigure } from '../export/ChartFigure';
import { useShortcutAction } from '../shortcuts/useShortcuts';
import { GRADIENT_EVERY, GradientPanel } from './GradientPanel';
import { matchingPreset, PresetPicker } from './PresetPicker';
import { TRAINING_PRESETS, type TrainingPresetId } from '../../model/presets';
import type { useTrainingRun } from './useTrainingRun';
import { edgeStartProblem, type FirstLayerStart } from '../../model/firstLayerStart';
import { FirstLayerStartPicker } from './FirstLayerStartPicker';
import { DropoutPanel } from './DropoutPanel';
import { RunComparePanel } from './RunComparePanel';
import { heldOutPoints, useRunHistory } from './useRunHistory';
import { PanelInfo } from '../info/PanelInfo';

import { DEFAULT_RUN, type RunSettings } from '../../state/runSettings';

export { DEFAULT_RUN, type RunSettings };

export interface TrainingPanelProps {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
  readonly data: MnistData | null;
  readonly run: ReturnType<typeof useTrainingRun>;
  /** The network design (kept by the app, so a link can carry it). */
  readonly spec: ModelSpec;
  readonly onSpecChange: (spec: ModelSpec) => void;
}

/** The faded colour of the previous run's held-out curve. */
const PREVIOUS_COLOUR = '#b9a27a';

function formatSeconds(t: TFunction<'training'>, s: number): string {
  if (!Number.isFinite(s)) return '–';
  const m = Math.floor(s / 60);
  return m > 0 ? t('minutesSeconds', { m, s: Math.round(s % 60) }) : t('seconds', { s: Math.round(s) });
}

/** Train a CNN in the browser and watch it learn: settings, controls, progress, live charts. */
export function TrainingPanel({ session, status, data, run, spec, onSpecChange: setSpec }: TrainingPanelProps) {
  const { t, i18n } = useTranslation('training');
  const [settings, setSettings] = useState<RunSettings>(DEFAULT_RUN);
  const [firstLayer, setFirstLayer] = useState<FirstLayerStart>('random');
  const { t: tCompare } = useTranslation('compare');
  const { t: tModels } = useTranslation('models');
  const trainedSpec = status?.trainedSpec ?? null;
  const runSpec = settings.start === 'scratch' ? spec : settings.start === 'pretrained' ? DEFAULT_SPEC : (trainedSpec ?? spec);
  const trainingData = useMemo(() => (data ? trainingDataFromMnist(data) : null), [data]);
  const { view } = run;
  const active = view.phase === 'starting' || view.phase === 'running' || view.phase === 'paused' || view.phase === 'stopping';
  const specOk = validateSpec(runSpec).ok;
  const edgeProblem = edgeStartProblem(runSpec);
  const firstLayerOk = settings.start !== 'scratch' || firstLayer === 'random' || edgeProblem === null;
  const canStart = !!session && !!trainingData && !active && specOk && firstLayerOk && (settings.start !== 'current' || !!trainedSpec);
  const runs = useRunHistory(view);
  const pickPreset = (id: TrainingPresetId) => {
    setSpec(TRAINING_PRESETS[id].spec);
    setSettings((s) => ({ ...s, ...TRAINING_PRESETS[id].run, start: 'scratch' }));
  };
  const preset = settings.start === 'scratch' ? matchingPreset(spec, settings) : null;
  const set = <K extends keyof RunSettings>(key: K, value: RunSettings[K]) => setSettings((s) => ({ ...s, [key]: value }));
  const last = view.last;
  const progress = last ? last.examplesSeen / last.examplesTotal : 0;

  const start = () => {
    if (!trainingData) return;
    const runFirstLayer = settings.start === 'scratch' ? firstLayer : 'random';
    runs.begin({ firstLayer: runFirstLayer, dropout: runSpec.dense.map((d) => d.dropout), trainExamples: settings.trainExamples, epochs: settings.epochs });
    run.start({
      spec: runSpec,
      start: settings.start,
      firstLayer: runFirstLayer,
      data: trainingData,
      options: {
        optimizer: settings.optimizer,
        learningRate: settings.learningRate,
        schedule: 'constant',
        batchSize: settings.batchSize,
        epochs: settings.epochs,
        trainExamples: settings.trainExamples,
        augment: settings.augment ? DEFAULT_AUGMENT : null,
        seed: Math.floor(Math.random() * 1e6),
        yieldEveryMs: 50,
        gradientEvery: GRADIENT_EVERY,
      },
    });
  };

  useShortcutAction('train', () => {
    if (view.phase === 'running') run.pause();
    else if (view.phase === 'paused') run.resume();
    else if (canStart) start();
  });

  const previous = runs.previous;
  const previousSeries = (pick: (e: EpochMetrics) => number) =>
    previous ? [{ name: tCompare('series.previous'), colour: PREVIOUS_COLOUR, dots: true, dashed: true, points: heldOutPoints(previous, pick) }] : [];
  const lossSeries = [
    { name: t('series.training'), colour: '#5b8def', points: view.batches.map((b) => [b[0], b[1]] as const) },
    { name: t('series.heldOut'), colour: '#e08600', dots: true, points: view.epochs.map((e, i) => [(i + 1) * (last ? last.examplesTotal / settings.epochs : 0), e.heldOutLoss] as const) },
    ...previousSeries((e) => e.heldOutLoss),
  ];
  const accSeries = [
    { name: t('series.training'), colour: '#5b8def', points: view.batches.map((b) => [b[0], b[2]] as const) },
    { name: t('series.heldOut'), colour: '#e08600', dots: true, points: view.epochs.map((e, i) => [(i + 1) * (last ? last.examplesTotal / settings.epochs : 0), e.heldOutAccuracy] as const) },
    ...previousSeries((e) => e.heldOutAccuracy),
  ];

  return (
    <section className="panel training" aria-labelledby="training-title" data-testid="training-panel">
      <header className="panel__header">
        <div className="titled">
          <h2 id="training-title">{t('title')}</h2>
          <PanelInfo what="training" />
        </div>
        <p className="muted">{t('intro')}</p>
      </header>
      <div className="training__grid">
        <div>
          <PresetPicker current={preset} disabled={active} onPick={pickPreset} />
          <fieldset className="controls" disabled={active}>
            <legend>{t('run')}</legend>
            <div className="controls__row">
              <label>
                {t('startFrom')}{' '}
                <select value={settings.start} data-testid="train-start-from" onChange={(e) => set('start', e.target.value as RunSettings['start'])}>
                  <option value="scratch">{t('scratch')}</option>
                  <option value="pretrained">{t('fineTune')}</option>
                  <option value="current" disabled={!trainedSpec}>
                    {tModels('startFromCurrent')}
                  </option>
                </select>
              </label>
              <label>
                {t('optimiser')}{' '}
                <select value={settings.optimizer} onChange={(e) => set('optimizer', e.target.value as OptimizerName)}>
                  <option value="adam">Adam</option>
                  <option value="sgd">SGD</option>
                  <option value="rmsprop">RMSProp</option>
                </select>
              </label>
              <label>
                {t('learningRate')}{' '}
                <select value={settings.learningRate} data-testid="train-lr" onChange={(e) => set('learningRate', Number(e.target.value))}>
                  {[0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.1].map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div className="controls__row">
              <label>
                {t('batchSize')}{' '}
                <select value={settings.batchSize} data-testid="train-batch" onChange={(e) => set('batchSize', Number(e.target.value))}>
                  {[16, 32, 64, 128, 256].map((v) => (
                    <option key={v}>{v}</option>
                  ))}
                </select>
              </label>
              <label>
                {t('epochs')}{' '}
                <select value={settings.epochs} data-testid="train-epochs" onChange={(e) => set('epochs', Number(e.target.value))}>
                  {[1, 2, 3, 5, 10, 20].map((v) => (
                    <option key={v}>{v}</option>
                  ))}
                </select>
              </label>
              <label>
                {t('trainExamples')}{' '}
                <select value={settings.trainExamples} data-testid="train-examples" onChange={(e) => set('trainExamples', Number(e.target.value))}>
                  {[100, 256, 500, 1000, 3000, 9000].map((v) => (
                    <option key={v} value={v}>
                      {v.toLocaleString(i18n.language)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <input type="checkbox" checked={settings.augment} onChange={(e) => set('augment', e.target.checked)} /> {t('augment')}
              </label>
            </div>
            <FirstLayerStartPicker value={firstLayer} problem={edgeProblem} fromScratch={settings.start === 'scratch'} onChange={setFirstLayer} />
          </fieldset>
          <ArchitectureEditor spec={runSpec} disabled={active || settings.start !== 'scratch'} onChange={setSpec} />
        </div>
        <div>
          <div className="training__buttons">
            <button type="button" className="primary" data-testid="train-start" disabled={!canStart} onClick={start}>
              {t('start')}
            </button>
            {view.phase === 'paused' ? (
              <button type="button" data-testid="train-resume" onClick={run.resume}>
                {t('resume')}
              </button>
            ) : (
              <button type="button" data-testid="train-pause" disabled={view.phase !== 'running'} onClick={run.pause}>
                {t('pause')}
              </button>
            )}
            <button type="button" data-testid="train-stop" disabled={!active} onClick={run.stop}>
              {t('stop')}
            </button>
            <button type="button" data-testid="train-reset" disabled={active || !status?.hasTrained} onClick={() => void run.reset()}>
              {t('reset')}
            </button>
          </div>
          <div className="training__progress" data-testid="train-progress" data-phase={view.phase} data-examples={last?.examplesSeen ?? 0}>
            <progress max={1} value={progress} aria-label={t('progressLabel')} />
            <span>
              {view.phase === 'idle'
                ? t('notStarted')
                : [
                    t(`phase.${view.phase}`),
                    t('epochOf', { epoch: last?.epoch ?? 0, epochs: settings.epochs }),
                    t('digitsOf', { seen: (last?.examplesSeen ?? 0).toLocaleString(i18n.language), total: (last?.examplesTotal ?? 0).toLocaleString(i18n.language) }),
                    t('rate', { rate: Math.round(last?.examplesPerSecond ?? 0) }),
                    active ? t('timeLeft', { time: formatSeconds(t, last?.secondsLeft ?? NaN) }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
            </span>
            {view.error && (
              <p className="error" role="alert">
                {t('failed', { detail: view.error })}
              </p>
            )}
          </div>
          <div className="training__charts">
            <ChartFigure chart="loss">
              <LineChart title={t('chart.loss')} series={lossSeries} xLabel={t('chart.x')} testId="chart-loss" />
            </ChartFigure>
            <ChartFigure chart="accuracy">
              <LineChart title={t('chart.accuracy')} series={accSeries} xLabel={t('chart.x')} yDomain={[0, 1]} format={(v) => `${Math.round(v * 100)}%`} testId="chart-accuracy" />
            </ChartFigure>
          </div>
          {previous && (
            <p className="muted filter-compare__note" data-testid="previous-run-note">
              {tCompare('series.previousNote', { start: tCompare(`start.short.${previous.meta.firstLayer}`), dropout: previous.meta.dropout.join(' / ') || '–' })}
            </p>
          )}
          <GradientPanel gradients={view.gradients} />
          <RunComparePanel previous={previous} current={runs.current} />
          <DropoutPanel spec={runSpec} ready={!!session} />
          {view.epochs.length > 0 && (
            <p data-testid="train-heldout" data-accuracy={view.epochs[view.epochs.length - 1].heldOutAccuracy} data-train-accuracy={view.epochs[view.epochs.length - 1].trainAccuracy} data-epoch={view.epochs.length}>
              <Trans
                t={t}
                i18nKey="heldOut"
                values={{ epoch: view.epochs.length, accuracy: (view.epochs[view.epochs.length - 1].heldOutAccuracy * 100).toFixed(1) }}
                components={{ value: <strong /> }}
              />
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
