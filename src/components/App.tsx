import { useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labReducer } from '../state/labState';
import { labStateOf, type TabId } from '../state/shareState';
import { EdgeLab } from './EdgeLab';
import { InputPanel } from './InputPanel';
import { LinkNotice } from './LinkNotice';
import { NetworkView } from './NetworkView';
import { usePenToPixels } from './perfMarks';
import { PredictionCard } from './PredictionCard';
import { ShareBar } from './ShareBar';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { StatusBar } from './StatusBar';
import { TrainingPanel } from './TrainingPanel';
import { useAppShortcuts } from './useAppShortcuts';
import { useInputImage } from './useInputImage';
import { useLayerOutputs } from './useLayerOutputs';
import { useMnist } from './useMnist';
import { useModelSession } from './useModelSession';
import { useSampleCheck, useShareableView } from './useShareableView';
import { useInitialLink } from './useShareLink';
import { createShortcutRegistry, ShortcutContext, useShortcutKeys } from './useShortcuts';
import { useTrainingRun } from './useTrainingRun';

type Tab = TabId;
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'filters', label: '1 · Hand-made edge filters' },
  { id: 'network', label: '2 · Inside the CNN' },
  { id: 'training', label: '3 · Train the CNN' },
];

/** ConvLens: the input and the prediction on the left, the experiments on the right. */
export function App() {
  const { t } = useTranslation();
  const link = useInitialLink();
  const [state, dispatch] = useReducer(labReducer, link.state, labStateOf);
  const view = useShareableView(link, state);
  const { tab, presenter } = view.state;
  const setTab = view.setTab;
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [shortcuts] = useState(createShortcutRegistry);
  const mnist = useMnist();
  useSampleCheck(state, mnist.data, dispatch, view.addProblem);
  useShortcutKeys(shortcuts, shortcutsOpen);
  useAppShortcuts({ registry: shortcuts, dispatch, data: mnist.data, setTab, togglePresenter: () => view.setPresenter(!presenter), toggleHelp: () => setShortcutsOpen((o) => !o) });
  const image = useInputImage(state.source, mnist.data);
  const model = useModelSession();
  const run = useTrainingRun(model.session);
  const outputs = useLayerOutputs(model.session, image, run.view.modelVersion + (model.status?.inView === 'trained' ? 1e6 : 0));
  const empty = state.source.kind === 'drawing' && state.source.strokes.length === 0;
  const softmax = outputs.layers?.find((l) => l.kind === 'softmax')?.data ?? null;
  usePenToPixels(image, outputs.image);

  useEffect(() => {
    if (model.error) console.warn(model.error);
  }, [model.error]);

  const modelName = model.status?.inView === 'trained' ? 'your trained model' : 'pretrained model';
  const page = (
    <div className={presenter ? 'app app--presenter' : 'app'} data-presenter={presenter}>
      <header className="app__header">
        <h1>
          ConvLens <span className="app__tagline">{t('tagline')}</span>
        </h1>
        <StatusBar session={model.session} status={model.status} error={model.error} onShow={(which) => model.session?.show(which)} />
        <ShareBar state={view.state} onPresenter={view.setPresenter} onShortcuts={() => setShortcutsOpen(true)} />
      </header>
      <LinkNotice problems={view.problems} onDismiss={view.dismissProblems} />
      {model.status?.backend.fallbackReason && (
        <p className="notice" role="status" data-testid="backend-notice">
          Running on the CPU: {model.status.backend.fallbackReason} Everything works; training is slower.
        </p>
      )}
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
            <TrainingPanel session={model.session} status={model.status} data={mnist.data} run={run} spec={view.state.spec} onSpecChange={view.setSpec} />
          </div>
        </div>
      </main>
      <ShortcutsOverlay open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
  return <ShortcutContext value={shortcuts}>{page}</ShortcutContext>;
}
