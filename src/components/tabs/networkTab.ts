/** Tab 2, "Inside the CNN": one lazily loaded chunk (see ../lazyTabs). */
export { NetworkView } from '../NetworkView';
export { TeachPanels } from '../TeachPanels';
