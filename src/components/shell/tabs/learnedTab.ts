/** Tab 5, "What it learned": one lazily loaded chunk (see ../lazyTabs). */
export { LearnedView } from '../../learned/LearnedView';
