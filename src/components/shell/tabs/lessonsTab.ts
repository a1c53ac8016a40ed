/** Tab 4, "Step by step": one lazily loaded chunk (see ../lazyTabs). */
export { ExercisesPanel } from '../../exercises/ExercisesPanel';
export { LessonsView } from '../../stepByStep/LessonsView';
