import { useCallback, useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelInView } from '../../model/session';
import { labReducer } from '../../state/labState';
import { labStateOf, type TabId } from '../../state/shareState';
import { ContextLossNotice } from './ContextLossNotice';
import { InputPanel } from '../input/InputPanel';
import { LanguageSwitch } from './LanguageSwitch';
import { LinkNotice } from '../share/LinkNotice';
import { AttributionPanel, ExercisesPanel, LearnedView, LessonsView, ModelLibrary, NetworkView, TeachPanels, TrainingPanel } from './lazyTabs';
import { LazyTab } from './LazyTab';
import { MountWhenIdle } from './MountWhenIdle';
import { LessonCard, LessonOpenButton } from '../lesson/LessonCard';
import { useLessonTour } from '../lesson/useLessonTour';
import { PanelSnapshotButton } from '../export/PanelSnapshotButton';
import { PenMarks } from '../common/PenMarks';
import { useCommitCount } from '../common/useCommitCount';
import { useErrorText } from '../common/useErrorText';
import { LivePrediction } from '../network/LivePrediction';
import { LiveEdgeLab, LiveLessons, liveProbabilities } from './LiveTabs';
import { OfflineStatus } from '../../pwa/OfflineStatus';
import { ShareBar } from '../share/ShareBar';
import { ShortcutsOverlay } from '../shortcuts/ShortcutsOverlay';
import { StatusBar } from './StatusBar';
import { TabPanel } from './TabPanel';
import { tabListKeys } from './tabKeys';
import { useAppShortcuts } from '../shortcuts/useAppShortcuts';
import { useInputImage } from '../input/useInputImage';
import { usePenInput } from '../input/usePenInput';
import { useLayerOutputs } from '../network/useLayerOutputs';
import { useMnist } from '../input/useMnist';
import { useModelSession } from '../network/useModelSession';
import { usePlainPretrained } from '../network/usePlainPretrained';
import { useSampleCheck, useShareableView } from '../share/useShareableView';
import { useInitialLink } from '../share/useShareLink';
import { createShortcutRegistry, ShortcutContext, useShortcutKeys } from '../shortcuts/useShortcuts';
import { useTrainingRun } from '../training/useTrainingRun';
import { Hold, useWhileShown } from '../common/useWhileShown';

type Tab = TabId;
const TABS: readonly Tab[] = ['filters', 'network', 'training', 'lessons', 'learned'];

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
  useAppShortcuts({
    registry: shortcuts,
    dispatch,
    data: mnist.data,
    setTab,
    togglePresenter: () => view.setPresenter(!presenter),
    toggleHelp: () => setShortcutsOpen((o) => !o),
  });
  const image = useInputImage(state.source, mnist.data);
  const lesson = useLessonTour({ linkStep: view.state.step, setLinkStep: view.setStep, setTab, lab: state, dispatch });
  const preview = usePlainPretrained();
  // tfjs loads once the first view can paint (or could not: then the network still loads),
  // at once when a tab other than the edge filters is open, else after a quiet moment.
  const model = useModelSession(image !== null || mnist.error !== null, tab !== 'filters');
  const run = useTrainingRun(model.session);
  const modelVersion = model.status?.version ?? 0;
  const outputs = useLayerOutputs(model.session, model.status, image, preview);
  const softmax = outputs.layers?.find((l) => l.kind === 'softmax')?.data ?? null;
  // A pen stroke goes to the input store, and reaches the lab state (this render) when it ends.
  const { store, pen } = usePenInput(state.source, image, outputs, model.session ? (model.status?.plain ?? null) : preview, dispatch);
  // The edge-filter lab does no work while its tab is hidden; it catches up when shown.
  const edgeState = useWhileShown(state, tab === 'filters');
  const counted = useCommitCount<HTMLDivElement>();

  useEffect(() => {
    if (model.error) console.warn(model.error);
  }, [model.error]);

  const errorText = useErrorText();
  const session = model.session;
  const showModel = useCallback((which: ModelInView) => session?.show(which), [session]);
  const closeShortcuts = useCallback(() => setShortcutsOpen(false), []);
  const trainedName = model.status?.trainedName;
  const modelName =
    model.status?.inView === 'trained' ? (trainedName ? t('inView', { ns: 'models', name: trainedName }) : t('model.trained')) : t('model.pretrained');
  const fallbackCode = model.status?.backend.fallbackCode;
  const page = (
    <div ref={counted} className={presenter ? 'app app--presenter' : 'app'} data-presenter={presenter} data-testid="app">
      <PenMarks store={store} />
      <header className="app__header">
        <h1>
          ConvLens <span className="app__tagline">{t('tagline')}</span>
        </h1>
        <LessonOpenButton tour={lesson} />
        <LanguageSwitch />
        <StatusBar session={model.session} error={model.error} onShow={showModel} />
        <OfflineStatus />
        <ShareBar state={view.state} onPresenter={view.setPresenter} onShortcuts={() => setShortcutsOpen(true)} />
      </header>
      <LinkNotice problems={view.problems} onDismiss={view.dismissProblems} />
      {fallbackCode && (
        <p className="notice" role="status" data-testid="backend-notice">
          {t('backendNotice', { reason: t(`errors:fallback.${fallbackCode}`) })}
        </p>
      )}
      <ContextLossNotice report={model.status?.contextLoss ?? null} />
      <main className="app__main">
        <InputPanel
          source={state.source}
          store={store}
          pen={pen}
          data={mnist.data}
          dataProgress={mnist.progress}
          dataError={mnist.error}
          dispatch={dispatch}
          prediction={<LivePrediction store={store} message={model.error ?? (model.session || preview ? null : t('loadingNetwork'))} modelName={modelName} />}
        />
        <div className="workspace">
          <div className="tabs" role="tablist" aria-label={t('views')} onKeyDown={tabListKeys(TABS, tab, setTab)}>
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-selected={tab === id}
                tabIndex={tab === id ? 0 : -1}
                aria-controls={`tabpanel-${id}`}
                data-testid={`tab-${id}`}
                className={tab === id ? 'tab tab--on' : 'tab'}
                onClick={() => setTab(id)}
              >
                {t(`tabs.${id}`)}
              </button>
            ))}
          </div>
          <PanelSnapshotButton view={tab} panel={() => document.getElementById(`tabpanel-${tab}`)} />
          <TabPanel id="filters" active={tab === 'filters'}>
            <LiveEdgeLab store={store} shown={tab === 'filters'} state={edgeState} dispatch={dispatch} loading={mnist.error ?? t('loadingFirstDigit')} />
          </TabPanel>
          <TabPanel id="network" active={tab === 'network'}>
            {tab === 'network' && (
              <LazyTab>
                <NetworkView
                  store={store}
                  message={model.error ?? (outputs.error != null ? t('errors:inspect', { detail: errorText(outputs.error) }) : null)}
                  spec={model.status?.spec}
                />
                <TeachPanels store={store} session={model.session} data={mnist.data} modelVersion={modelVersion} dispatch={dispatch} />
                <AttributionPanel
                  session={model.session}
                  status={model.status}
                  image={image}
                  chosen={view.state.attributionClass}
                  onChoose={view.setAttributionClass}
                />
              </LazyTab>
            )}
          </TabPanel>
          <TabPanel id="lessons" active={tab === 'lessons'}>
            <MountWhenIdle open={tab === 'lessons'} ready={softmax !== null}>
              <LazyTab>
                <LiveLessons store={store} shown={tab === 'lessons'}>
                  {(live) => (
                    <>
                      {tab === 'lessons' && live.image && (
                        <LessonsView
                          image={live.image}
                          lab={state}
                          session={model.session}
                          modelVersion={modelVersion}
                          outputs={live.outputs.image === live.image ? live.outputs.layers : null}
                        />
                      )}
                      <ExercisesPanel data={mnist.data} source={live.source} probabilities={liveProbabilities(live)} status={model.status} />
                    </>
                  )}
                </LiveLessons>
              </LazyTab>
            </MountWhenIdle>
          </TabPanel>
          <TabPanel id="training" active={tab === 'training'}>
            <MountWhenIdle open={tab === 'training'} ready={softmax !== null}>
              <LazyTab>
                <Hold shown={tab === 'training'}>
                  <TrainingPanel
                    session={model.session}
                    status={model.status}
                    data={mnist.data}
                    run={run}
                    spec={view.state.spec}
                    onSpecChange={view.setSpec}
                    input={store}
                  />
                  <ModelLibrary session={model.session} status={model.status} />
                </Hold>
              </LazyTab>
            </MountWhenIdle>
          </TabPanel>
          <TabPanel id="learned" active={tab === 'learned'}>
            {tab === 'learned' && (
              <LazyTab>
                <LearnedView
                  session={model.session}
                  status={model.status}
                  image={image}
                  store={store}
                  data={mnist.data}
                  dispatch={dispatch}
                  filter={{ layer: view.state.filterLayer, channel: view.state.filterChannel, onChoose: view.setFilter }}
                  mapLayer={view.state.mapLayer}
                  onMapLayer={view.setMapLayer}
                  fooling={view.state.fooling}
                  onFooling={view.setFooling}
                />
              </LazyTab>
            )}
          </TabPanel>
          <LessonCard tour={lesson} />
        </div>
      </main>
      <ShortcutsOverlay open={shortcutsOpen} onClose={closeShortcuts} />
    </div>
  );
  return <ShortcutContext value={shortcuts}>{page}</ShortcutContext>;
}
