/**
 * The views of tabs 2-5 and everything only they use (the network's maps and explorers, the
 * training panel and its charts, the lessons and exercises) load on demand, one chunk per tab,
 * so the first paint waits only for the shell, the input panel, the prediction card and the
 * edge lab. Each export keeps the name and props of the component it stands for; render them
 * inside a Suspense boundary (see TabLoading).
 */
import { lazy } from 'react';
import { i18next } from '../../i18n';

/**
 * A tab's chunk together with the message namespaces its views use (not in the first chunk,
 * see i18n/english.ts), fetched side by side. The list only saves a round trip: a namespace
 * left out still loads when a view first asks for it.
 */
function tabChunk<M>(load: () => Promise<M>, namespaces: readonly string[]): () => Promise<M> {
  return () => Promise.all([load(), i18next.loadNamespaces([...namespaces])]).then(([chunk]) => chunk);
}

const networkTab = tabChunk(() => import('./tabs/networkTab'), ['network', 'overview', 'teach', 'attribution']);
const trainingTab = tabChunk(() => import('./tabs/trainingTab'), ['training', 'compare', 'lessons', 'replay']);
const lessonsTab = tabChunk(() => import('./tabs/lessonsTab'), ['lessons', 'exercises', 'compare']);
const learnedTab = tabChunk(() => import('./tabs/learnedTab'), ['learned', 'digitMap', 'filterLooks', 'fooling']);

export const NetworkView = lazy(() => networkTab().then((m) => ({ default: m.NetworkView })));
export const TeachPanels = lazy(() => networkTab().then((m) => ({ default: m.TeachPanels })));
export const AttributionPanel = lazy(() => networkTab().then((m) => ({ default: m.AttributionPanel })));
export const TrainingPanel = lazy(() => trainingTab().then((m) => ({ default: m.TrainingPanel })));
export const ModelLibrary = lazy(() => trainingTab().then((m) => ({ default: m.ModelLibrary })));
export const LessonsView = lazy(() => lessonsTab().then((m) => ({ default: m.LessonsView })));
export const ExercisesPanel = lazy(() => lessonsTab().then((m) => ({ default: m.ExercisesPanel })));
export const LearnedView = lazy(() => learnedTab().then((m) => ({ default: m.LearnedView })));
