import { useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INITIAL_LAB_STATE, labReducer } from '../state/labState';
import { ContextLossNotice } from './ContextLossNotice';
import { EdgeLab } from './EdgeLab';
import { InputPanel } from './InputPanel';
import { NetworkView } from './NetworkView';
import { usePenToPixels } from './perfMarks';
import { PredictionCard } from './PredictionCard';
import { StatusBar } from './StatusBar';
import { TrainingPanel } from './TrainingPanel';
import { useInputImage } from './useInputImage';
import { useLayerOutputs } from './useLayerOutputs';
import { useMnist } from './useMnist';
import { useModelSession } from './useModelSession';
import { useTrainingRun } from './useTrainingRun';

type Tab = 'filters' | 'network' | 'training';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'filters', label: '1 · Hand-made edge filters' },
  { id: 'network', label: '2 · Inside the CNN' },
  { id: 'training', label: '3 · Train the CNN' },
];

/** ConvLens: the input and the prediction on the left, the experiments on the right. */
export function App() {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(labReducer, INITIAL_LAB_STATE);
  const [tab, setTab] = useState<Tab>('filters');
  const mnist = useMnist();
  const image = useInputImage(state.source, mnist.data);
  const model = useModelSession();
  const run = useTrainingRun(model.session);
  const outputs = useLayerOutputs(model.session, image, run.view.modelVersion + (model.status?.inView === 'trained' ? 1e6 : 0) + (model.status?.revision ?? 0) * 1e7);
  const empty = state.source.kind === 'drawing' && state.source.strokes.length === 0;
  const softmax = outputs.layers?.find((l) => l.kind === 'softmax')?.data ?? null;
  usePenToPixels(image, outputs.image);

  useEffect(() => {
    if (model.error) console.warn(model.error);
  }, [model.error]);

  const modelName = model.status?.inView === 'trained' ? 'your trained model' : 'pretrained model';
  return (
    <div className="app">
      <header className="app__header">
        <h1>
          ConvLens <span className="app__tagline">{t('tagline')}</span>
        </h1>
        <StatusBar session={model.session} status={model.status} error={model.error} onShow={(which) => model.session?.show(which)} />
      </header>
      {model.status?.backend.fallbackReason && (
        <p className="notice" role="status" data-testid="backend-notice">
          Running on the CPU: {model.status.backend.fallbackReason} Everything works; training is slower.
        </p>
      )}
      <ContextLossNotice report={model.status?.contextLoss ?? null} />
      <main className="app__main">
        <InputPanel
          source={state.source}
          image={image}
          data={mnist.data}
          dataProgress={mnist.progress}
          dataError={mnist.error}
          dispatch={dispatch}
          prediction={<PredictionCard probabilities={softmax} upToDate={outputs.image === image} empty={empty} message={model.error ?? (model.session ? null : 'Loading the network…')} modelName={modelName} />}
        />
        <div className="workspace">
          <div className="tabs" role="tablist" aria-label="Views">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`tabpanel-${t.id}`}
                data-testid={`tab-${t.id}`}
                className={tab === t.id ? 'tab tab--on' : 'tab'}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="tabpanel-filters" aria-labelledby="tab-filters" hidden={tab !== 'filters'}>
            {image ? (
              <EdgeLab image={image} state={state} dispatch={dispatch} />
            ) : (
              <section className="panel edge-lab edge-lab--loading" aria-busy="true">
                <p className="muted">{mnist.error ?? 'Loading the first “2” of MNIST…'}</p>
              </section>
            )}
          </div>
          <div role="tabpanel" id="tabpanel-network" aria-labelledby="tab-network" hidden={tab !== 'network'}>
            {tab === 'network' && <NetworkView layers={outputs.layers} message={model.error ?? outputs.error} />}
          </div>
          <div role="tabpanel" id="tabpanel-training" aria-labelledby="tab-training" hidden={tab !== 'training'}>
            <TrainingPanel session={model.session} status={model.status} data={mnist.data} run={run} />
          </div>
        </div>
      </main>
    </div>
  );
}
