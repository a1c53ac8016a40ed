import type { Dispatch } from 'react';
import type { MnistData } from '../../data/mnistFormat';
import type { LabAction } from '../../state/labState';
import type { TabId } from '../../state/shareState';
import { useShortcutActions, type ShortcutRegistry } from './useShortcuts';

export interface AppShortcutTargets {
  readonly registry: ShortcutRegistry;
  readonly dispatch: Dispatch<LabAction>;
  readonly data: MnistData | null;
  readonly setTab: (tab: TabId) => void;
  readonly togglePresenter: () => void;
  readonly toggleHelp: () => void;
  /** Random source in [0, 1). */
  readonly random?: () => number;
}

/** The app-wide shortcuts: tabs, the pad, a random MNIST digit, presenter mode, the overlay. */
export function useAppShortcuts({ registry, dispatch, data, setTab, togglePresenter, toggleHelp, random = Math.random }: AppShortcutTargets): void {
  useShortcutActions(
    {
      'tab-filters': () => setTab('filters'),
      'tab-network': () => setTab('network'),
      'tab-training': () => setTab('training'),
      'tab-lessons': () => setTab('lessons'),
      'tab-learned': () => setTab('learned'),
      // Starting or pausing a run happens in the training panel; the view follows it there.
      train: () => setTab('training'),
      clear: () => dispatch({ type: 'clearDrawing' }),
      undo: () => dispatch({ type: 'undoStroke' }),
      'random-sample': () => {
        if (!data) return;
        const digit = Math.floor(random() * 10);
        dispatch({ type: 'pickSample', id: { digit, index: Math.floor(random() * data.classCount[digit]) } });
      },
      presenter: togglePresenter,
      help: toggleHelp,
    },
    registry,
  );
}
