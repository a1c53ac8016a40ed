/** Tab 3, "Train the CNN": one lazily loaded chunk (see ../lazyTabs). */
export { ModelLibrary } from '../ModelLibrary';
export { TrainingPanel } from '../TrainingPanel';
