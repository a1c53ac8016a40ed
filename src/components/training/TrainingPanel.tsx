import { memo, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MnistData } from '../../data/mnistFormat';
import { edgeStartProblem, type FirstLayerStart } from '../../model/firstLayerStart';
import { TRAINING_PRESETS, type TrainingPresetId } from '../../model/presets';
import type { ModelSession, SessionStatus } from '../../model/session';
import { validateSpec, type ModelSpec } from '../../model/spec';
import { trainingDataFromMnist } from '../../model/trainingData';
import { parseRunSeed, runSeedOf } from '../../state/runSeed';
import { DEFAULT_RUN, type RunSettings } from '../../state/runSettings';
import { useCommitCount } from '../common/useCommitCount';
import { PanelInfo } from '../info/PanelInfo';
import { TrainingReplay } from '../replay/TrainingReplay';
import type { InputStore } from '../../state/inputStore';
import { useShortcutAction } from '../shortcuts/useShortcuts';
import { ArchitectureEditor } from './ArchitectureEditor';
import { DropoutPanel } from './DropoutPanel';
import { GRADIENT_EVERY } from './GradientPanel';
import { matchingPreset, PresetPicker } from './PresetPicker';
import { RunComparePanel } from './RunComparePanel';
import { runFirstLayerOf, runSpecOf, trainRequestOf } from './trainRequest';
import { TrainingButtons } from './TrainingButtons';
import { HeldOutScore } from './TrainingCharts';
import { TrainingBackend } from './TrainingBackend';
import { LiveCharts, LiveGradients, LiveProgress } from './TrainingLive';
import { TrainingSettings, type TrainingSettingsProps } from './TrainingSettings';
import { useRunHistory } from './useRunHistory';
import type { TrainingView, useTrainingRun } from './useTrainingRun';
import { useTrainingView } from './useTrainingView';

export { DEFAULT_RUN, type RunSettings };

export interface TrainingPanelProps {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
  readonly data: MnistData | null;
  readonly run: ReturnType<typeof useTrainingRun>;
  /** The network design (kept by the app, so a link can carry it). */
  readonly spec: ModelSpec;
  readonly onSpecChange: (spec: ModelSpec) => void;
  /** The live input, for the training replay's maps and prediction of the current digit. */
  readonly input?: InputStore;
}

const phaseOf = (view: TrainingView) => view.phase;
const epochsOf = (view: TrainingView) => view.epochs;
const examplesTotalOf = (view: TrainingView) => view.last?.examplesTotal ?? null;

interface SettingsColumnProps extends TrainingSettingsProps {
  readonly preset: TrainingPresetId | null;
  readonly onPick: (id: TrainingPresetId) => void;
  /** The network the run would train. */
  readonly spec: ModelSpec;
  readonly onSpecChange: (spec: ModelSpec) => void;
}

/** The next run's preset, settings and network; memoised, so the panel's updates while a run trains pass it by. */
const SettingsColumn = memo(function SettingsColumn({ preset, onPick, spec, onSpecChange, ...settings }: SettingsColumnProps) {
  const counted = useCommitCount<HTMLDivElement>();
  return (
    <div ref={counted} data-testid="train-settings-column">
      <PresetPicker current={preset} disabled={settings.disabled} onPick={onPick} />
      <TrainingSettings {...settings} />
      <ArchitectureEditor spec={spec} disabled={settings.disabled || settings.settings.start !== 'scratch'} onChange={onSpecChange} />
    </div>
  );
});

/** Train a CNN in the browser and watch it learn: settings, controls, progress, live charts. */
export function TrainingPanel({ session, status, data, run, spec, onSpecChange: setSpec, input }: TrainingPanelProps) {
  const { t } = useTranslation('training');
  const [settings, setSettings] = useState<RunSettings>(DEFAULT_RUN);
  const [seedText, setSeedText] = useState('');
  const [lastSeed, setLastSeed] = useState<number | null>(null);
  const seedField = parseRunSeed(seedText);
  const trainedSpec = status?.trainedSpec ?? null;
  const runSpec = runSpecOf(settings.start, spec, trainedSpec);
  const trainingData = useMemo(() => (data ? trainingDataFromMnist(data) : null), [data]);
  const phase = useTrainingView(run.store, phaseOf);
  const epochsDone = useTrainingView(run.store, epochsOf);
  const examplesTotal = useTrainingView(run.store, examplesTotalOf);
  const active = phase === 'starting' || phase === 'running' || phase === 'paused' || phase === 'stopping';
  const edgeProblem = edgeStartProblem(runSpec);
  const firstLayerOk = settings.start !== 'scratch' || settings.firstLayer === 'random' || edgeProblem === null;
  const canStart =
    !!session && !!trainingData && !active && validateSpec(runSpec).ok && firstLayerOk && seedField.ok && (settings.start !== 'current' || !!trainedSpec);
  const runs = useRunHistory(epochsDone, examplesTotal);
  const pickPreset = useCallback(
    (id: TrainingPresetId) => {
      setSpec(TRAINING_PRESETS[id].spec);
      setSettings((s) => ({ ...s, ...TRAINING_PRESETS[id].run, start: 'scratch' }));
    },
    [setSpec],
  );
  const preset = settings.start === 'scratch' ? matchingPreset(spec, settings) : null;
  const set = useCallback(<K extends keyof RunSettings>(key: K, value: RunSettings[K]) => setSettings((s) => ({ ...s, [key]: value })), []);
  const onFirstLayer = useCallback((value: FirstLayerStart) => set('firstLayer', value), [set]);
  const seed = useMemo(() => ({ text: seedText, onChange: setSeedText, lastSeed }), [seedText, lastSeed]);

  const start = () => {
    if (!trainingData) return;
    const runFirstLayer = runFirstLayerOf(settings.start, settings.firstLayer);
    runs.begin({ firstLayer: runFirstLayer, dropout: runSpec.dense.map((d) => d.dropout), trainExamples: settings.trainExamples, epochs: settings.epochs });
    const seed = runSeedOf(seedField, Math.random);
    setLastSeed(seed);
    run.start(trainRequestOf({ settings, spec: runSpec, firstLayer: runFirstLayer, data: trainingData, gradientEvery: GRADIENT_EVERY, seed }));
  };

  useShortcutAction('train', () => {
    if (phase === 'running') run.pause();
    else if (phase === 'paused') run.resume();
    else if (canStart) start();
  });

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
        <SettingsColumn
          preset={preset}
          onPick={pickPreset}
          settings={settings}
          onChange={set}
          canContinue={!!trainedSpec}
          firstLayer={settings.firstLayer}
          firstLayerProblem={edgeProblem}
          onFirstLayer={onFirstLayer}
          disabled={active}
          seed={seed}
          spec={runSpec}
          onSpecChange={setSpec}
        />
        <div>
          <TrainingButtons
            phase={phase}
            canStart={canStart}
            active={active}
            canReset={!!status?.hasTrained}
            onStart={start}
            onPause={run.pause}
            onResume={run.resume}
            onStop={run.stop}
            onReset={() => void run.reset()}
          />
          <LiveProgress store={run.store} epochs={settings.epochs} active={active} />
          <TrainingBackend trainer={status?.trainer ?? null} />
          <LiveCharts store={run.store} epochs={settings.epochs} previous={runs.previous} replay={run.replay} />
          <LiveGradients store={run.store} />
          <RunComparePanel previous={runs.previous} current={runs.current} />
          <DropoutPanel spec={runSpec} ready={!!session} run={{ phase, masks: run.masks }} />
          <HeldOutScore epochs={epochsDone} />
        </div>
      </div>
      <TrainingReplay feed={run.replay} input={input} />
    </section>
  );
}
