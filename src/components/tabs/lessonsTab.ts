/** Tab 4, "Step by step": one lazily loaded chunk (see ../lazyTabs). */
export { ExercisesPanel } from '../ExercisesPanel';
export { LessonsView } from '../LessonsView';
