import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MnistData } from '../../data/mnistFormat';
import { edgeStartProblem, type FirstLayerStart } from '../../model/firstLayerStart';
import { TRAINING_PRESETS, type TrainingPresetId } from '../../model/presets';
import type { ModelSession, SessionStatus } from '../../model/session';
import { validateSpec, type ModelSpec } from '../../model/spec';
import { trainingDataFromMnist } from '../../model/trainingData';
import { parseRunSeed, runSeedOf } from '../../state/runSeed';
import { DEFAULT_RUN, type RunSettings } from '../../state/runSettings';
import { PanelInfo } from '../info/PanelInfo';
import { useShortcutAction } from '../shortcuts/useShortcuts';
import { ArchitectureEditor } from './ArchitectureEditor';
import { DropoutPanel } from './DropoutPanel';
import { GRADIENT_EVERY, GradientPanel } from './GradientPanel';
import { matchingPreset, PresetPicker } from './PresetPicker';
import { RunComparePanel } from './RunComparePanel';
import { runFirstLayerOf, runSpecOf, trainRequestOf } from './trainRequest';
import { TrainingButtons } from './TrainingButtons';
import { HeldOutScore, TrainingCharts } from './TrainingCharts';
import { TrainingBackend } from './TrainingBackend';
import { TrainingProgress } from './TrainingProgress';
import { TrainingSettings } from './TrainingSettings';
import { useRunHistory } from './useRunHistory';
import type { useTrainingRun } from './useTrainingRun';

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

/** Train a CNN in the browser and watch it learn: settings, controls, progress, live charts. */
export function TrainingPanel({ session, status, data, run, spec, onSpecChange: setSpec }: TrainingPanelProps) {
  const { t } = useTranslation('training');
  const [settings, setSettings] = useState<RunSettings>(DEFAULT_RUN);
  const [seedText, setSeedText] = useState('');
  const [lastSeed, setLastSeed] = useState<number | null>(null);
  const seedField = parseRunSeed(seedText);
  const trainedSpec = status?.trainedSpec ?? null;
  const runSpec = runSpecOf(settings.start, spec, trainedSpec);
  const trainingData = useMemo(() => (data ? trainingDataFromMnist(data) : null), [data]);
  const { view } = run;
  const active = view.phase === 'starting' || view.phase === 'running' || view.phase === 'paused' || view.phase === 'stopping';
  const edgeProblem = edgeStartProblem(runSpec);
  const firstLayerOk = settings.start !== 'scratch' || settings.firstLayer === 'random' || edgeProblem === null;
  const canStart =
    !!session && !!trainingData && !active && validateSpec(runSpec).ok && firstLayerOk && seedField.ok && (settings.start !== 'current' || !!trainedSpec);
  const runs = useRunHistory(view);
  const pickPreset = (id: TrainingPresetId) => {
    setSpec(TRAINING_PRESETS[id].spec);
    setSettings((s) => ({ ...s, ...TRAINING_PRESETS[id].run, start: 'scratch' }));
  };
  const preset = settings.start === 'scratch' ? matchingPreset(spec, settings) : null;
  const set = <K extends keyof RunSettings>(key: K, value: RunSettings[K]) => setSettings((s) => ({ ...s, [key]: value }));

  const start = () => {
    if (!trainingData) return;
    const runFirstLayer = runFirstLayerOf(settings.start, settings.firstLayer);
    runs.begin({ firstLayer: runFirstLayer, dropout: runSpec.dense.map((d) => d.dropout), trainExamples: settings.trainExamples, epochs: settings.epochs });
    const seed = runSeedOf(seedField, Math.random);
    setLastSeed(seed);
    run.start(trainRequestOf({ settings, spec: runSpec, firstLayer: runFirstLayer, data: trainingData, gradientEvery: GRADIENT_EVERY, seed }));
  };

  useShortcutAction('train', () => {
    if (view.phase === 'running') run.pause();
    else if (view.phase === 'paused') run.resume();
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
        <div>
          <PresetPicker current={preset} disabled={active} onPick={pickPreset} />
          <TrainingSettings
            settings={settings}
            onChange={set}
            canContinue={!!trainedSpec}
            firstLayer={settings.firstLayer}
            firstLayerProblem={edgeProblem}
            onFirstLayer={(value: FirstLayerStart) => set('firstLayer', value)}
            disabled={active}
            seed={{ text: seedText, onChange: setSeedText, lastSeed }}
          />
          <ArchitectureEditor spec={runSpec} disabled={active || settings.start !== 'scratch'} onChange={setSpec} />
        </div>
        <div>
          <TrainingButtons
            phase={view.phase}
            canStart={canStart}
            active={active}
            canReset={!!status?.hasTrained}
            onStart={start}
            onPause={run.pause}
            onResume={run.resume}
            onStop={run.stop}
            onReset={() => void run.reset()}
          />
          <TrainingProgress view={view} epochs={settings.epochs} active={active} />
          <TrainingBackend trainer={status?.trainer ?? null} />
          <TrainingCharts view={view} epochs={settings.epochs} previous={runs.previous} />
          <GradientPanel gradients={view.gradients} />
          <RunComparePanel previous={runs.previous} current={runs.current} />
          <DropoutPanel spec={runSpec} ready={!!session} run={{ phase: view.phase, masks: run.masks }} />
          <HeldOutScore epochs={view.epochs} />
        </div>
      </div>
    </section>
  );
}
