/** Tab 3, "Train the CNN": one lazily loaded chunk (see ../lazyTabs). */
export { ModelLibrary } from '../../training/ModelLibrary';
export { TrainingPanel } from '../../training/TrainingPanel';
