/**
 * The views of tabs 2-4 and everything only they use (the network's maps and explorers, the
 * training panel and its charts, the lessons and exercises) load on demand, one chunk per tab,
 * so the first paint waits only for the shell, the input panel, the prediction card and the
 * edge lab. Each export keeps the name and props of the component it stands for; render them
 * inside a Suspense boundary (see TabLoading).
 */
import { lazy } from 'react';

const networkTab = () => import('./tabs/networkTab');
const trainingTab = () => import('./tabs/trainingTab');
const lessonsTab = () => import('./tabs/lessonsTab');

export const NetworkView = lazy(() => networkTab().then((m) => ({ default: m.NetworkView })));
export const TeachPanels = lazy(() => networkTab().then((m) => ({ default: m.TeachPanels })));
export const TrainingPanel = lazy(() => trainingTab().then((m) => ({ default: m.TrainingPanel })));
export const ModelLibrary = lazy(() => trainingTab().then((m) => ({ default: m.ModelLibrary })));
export const LessonsView = lazy(() => lessonsTab().then((m) => ({ default: m.LessonsView })));
export const ExercisesPanel = lazy(() => lessonsTab().then((m) => ({ default: m.ExercisesPanel })));
