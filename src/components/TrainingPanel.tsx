import { useMemo, useState } from 'react';
import { LineChart } from '../charts/LineChart';
import type { MnistData } from '../data/mnistFormat';
import { DEFAULT_AUGMENT } from '../model/augment';
import type { ModelSession, SessionStatus } from '../model/session';
import { DEFAULT_SPEC, validateSpec, type ModelSpec } from '../model/spec';
import type { OptimizerName } from '../model/train';
import { trainingDataFromMnist } from '../model/trainingData';
import { ArchitectureEditor } from './ArchitectureEditor';
import { GRADIENT_EVERY, GradientPanel } from './GradientPanel';
import { matchingPreset, PresetPicker } from './PresetPicker';
import { TRAINING_PRESETS, type TrainingPresetId } from '../model/presets';
import type { useTrainingRun } from './useTrainingRun';

/** Settings a student picks for a run (the rest of TrainOptions keeps its defaults). */
export interface RunSettings {
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly trainExamples: number;
  readonly augment: boolean;
  readonly start: 'scratch' | 'pretrained';
}

export const DEFAULT_RUN: RunSettings = { optimizer: 'adam', learningRate: 0.002, batchSize: 32, epochs: 2, trainExamples: 3000, augment: false, start: 'scratch' };

export interface TrainingPanelProps {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
  readonly data: MnistData | null;
  readonly run: ReturnType<typeof useTrainingRun>;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '–';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${Math.round(s % 60)} s` : `${Math.round(s)} s`;
}

/** Train a CNN in the browser and watch it learn: settings, controls, progress, live charts. */
export function TrainingPanel({ session, status, data, run }: TrainingPanelProps) {
  const [spec, setSpec] = useState<ModelSpec>(DEFAULT_SPEC);
  const [settings, setSettings] = useState<RunSettings>(DEFAULT_RUN);
  const trainingData = useMemo(() => (data ? trainingDataFromMnist(data) : null), [data]);
  const { view } = run;
  const active = view.phase === 'starting' || view.phase === 'running' || view.phase === 'paused' || view.phase === 'stopping';
  const specOk = validateSpec(spec).ok;
  const canStart = !!session && !!trainingData && !active && specOk;
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
    run.start({
      spec: settings.start === 'pretrained' ? DEFAULT_SPEC : spec,
      start: settings.start,
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

  const lossSeries = [
    { name: 'training (per batch)', colour: '#5b8def', points: view.batches.map((b) => [b[0], b[1]] as const) },
    { name: 'held-out (per epoch)', colour: '#e08600', dots: true, points: view.epochs.map((e, i) => [(i + 1) * (last ? last.examplesTotal / settings.epochs : 0), e.heldOutLoss] as const) },
  ];
  const accSeries = [
    { name: 'training (per batch)', colour: '#5b8def', points: view.batches.map((b) => [b[0], b[2]] as const) },
    { name: 'held-out (per epoch)', colour: '#e08600', dots: true, points: view.epochs.map((e, i) => [(i + 1) * (last ? last.examplesTotal / settings.epochs : 0), e.heldOutAccuracy] as const) },
  ];

  return (
    <section className="panel training" aria-labelledby="training-title" data-testid="training-panel">
      <header className="panel__header">
        <h2 id="training-title">Train the CNN in your browser</h2>
        <p className="muted">
          Training shows the network thousands of labelled digits; after each batch, the gradient of the cross-entropy loss nudges every weight.
          The maps in “Inside the CNN” follow the weights as they change.
        </p>
      </header>
      <div className="training__grid">
        <div>
          <PresetPicker current={preset} disabled={active} onPick={pickPreset} />
          <fieldset className="controls" disabled={active}>
            <legend>Run</legend>
            <div className="controls__row">
              <label>
                Start from{' '}
                <select value={settings.start} data-testid="train-start-from" onChange={(e) => set('start', e.target.value as RunSettings['start'])}>
                  <option value="scratch">random weights (from scratch)</option>
                  <option value="pretrained">the pretrained model (fine-tune)</option>
                </select>
              </label>
              <label>
                Optimiser{' '}
                <select value={settings.optimizer} onChange={(e) => set('optimizer', e.target.value as OptimizerName)}>
                  <option value="adam">Adam</option>
                  <option value="sgd">SGD</option>
                  <option value="rmsprop">RMSProp</option>
                </select>
              </label>
              <label>
                Learning rate{' '}
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
                Batch size{' '}
                <select value={settings.batchSize} data-testid="train-batch" onChange={(e) => set('batchSize', Number(e.target.value))}>
                  {[16, 32, 64, 128, 256].map((v) => (
                    <option key={v}>{v}</option>
                  ))}
                </select>
              </label>
              <label>
                Epochs{' '}
                <select value={settings.epochs} data-testid="train-epochs" onChange={(e) => set('epochs', Number(e.target.value))}>
                  {[1, 2, 3, 5, 10, 20].map((v) => (
                    <option key={v}>{v}</option>
                  ))}
                </select>
              </label>
              <label>
                Training digits{' '}
                <select value={settings.trainExamples} data-testid="train-examples" onChange={(e) => set('trainExamples', Number(e.target.value))}>
                  {[100, 256, 500, 1000, 3000, 9000].map((v) => (
                    <option key={v} value={v}>
                      {v.toLocaleString('en')}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <input type="checkbox" checked={settings.augment} onChange={(e) => set('augment', e.target.checked)} /> distort digits (augmentation)
              </label>
            </div>
          </fieldset>
          <ArchitectureEditor spec={settings.start === 'pretrained' ? DEFAULT_SPEC : spec} disabled={active || settings.start === 'pretrained'} onChange={setSpec} />
        </div>
        <div>
          <div className="training__buttons">
            <button type="button" className="primary" data-testid="train-start" disabled={!canStart} onClick={start}>
              Start training
            </button>
            {view.phase === 'paused' ? (
              <button type="button" data-testid="train-resume" onClick={run.resume}>
                Resume
              </button>
            ) : (
              <button type="button" data-testid="train-pause" disabled={view.phase !== 'running'} onClick={run.pause}>
                Pause
              </button>
            )}
            <button type="button" data-testid="train-stop" disabled={!active} onClick={run.stop}>
              Stop
            </button>
            <button type="button" data-testid="train-reset" disabled={active || !status?.hasTrained} onClick={() => void run.reset()}>
              Reset
            </button>
          </div>
          <div className="training__progress" data-testid="train-progress" data-phase={view.phase} data-examples={last?.examplesSeen ?? 0}>
            <progress max={1} value={progress} aria-label="Training progress" />
            <span>
              {view.phase === 'idle'
                ? 'Not started.'
                : `${phaseText(view.phase)} · epoch ${last?.epoch ?? 0} of ${settings.epochs} · ${(last?.examplesSeen ?? 0).toLocaleString('en')} of ${(last?.examplesTotal ?? 0).toLocaleString('en')} digits · ${Math.round(last?.examplesPerSecond ?? 0)} digits/s · ${active ? `about ${formatSeconds(last?.secondsLeft ?? NaN)} left` : ''}`}
            </span>
            {view.error && (
              <p className="error" role="alert">
                {view.error}
              </p>
            )}
          </div>
          <div className="training__charts">
            <LineChart title="Loss (cross-entropy)" series={lossSeries} xLabel="digits seen" testId="chart-loss" />
            <LineChart title="Accuracy" series={accSeries} xLabel="digits seen" yDomain={[0, 1]} format={(v) => `${Math.round(v * 100)}%`} testId="chart-accuracy" />
          </div>
          <GradientPanel gradients={view.gradients} />
          {view.epochs.length > 0 && (
            <p data-testid="train-heldout" data-accuracy={view.epochs[view.epochs.length - 1].heldOutAccuracy}>
              Held-out accuracy after epoch {view.epochs.length}: <strong>{(view.epochs[view.epochs.length - 1].heldOutAccuracy * 100).toFixed(1)}%</strong>
            </p>
          )}
        </div>
      </div>
    </section>
  );
}

function phaseText(phase: string): string {
  return { starting: 'Starting', running: 'Training', paused: 'Paused', stopping: 'Stopping', finished: 'Finished', stopped: 'Stopped', failed: 'Failed' }[phase] ?? phase;
}
