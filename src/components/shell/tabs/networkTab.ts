/** Tab 2, "Inside the CNN": one lazily loaded chunk (see ../lazyTabs). */
export { NetworkView } from '../../network/NetworkView';
export { TeachPanels } from '../../teaching/TeachPanels';
export { AttributionPanel } from '../../attribution/AttributionPanel';
