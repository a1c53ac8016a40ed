import { useRef, type ReactNode } from 'react';
import type { InputSnapshot, InputStore } from '../../state/inputStore';
import { useLiveInput } from '../input/useLiveInput';
import { useCommitCount } from './useCommitCount';
import { useOnScreen } from './useOnScreen';

export interface LiveOnScreenProps {
  readonly store: InputStore;
  /** `data-testid` of the wrapper, which counts its commits in `data-renders`. */
  readonly testId: string;
  readonly className?: string;
  readonly children: (live: InputSnapshot) => ReactNode;
}

/**
 * Panels that follow the live input only while they are on screen: scrolled away, they do no
 * React work on a pen move, and they catch up with the latest input when they scroll back.
 */
export function LiveOnScreen({ store, testId, className, children }: LiveOnScreenProps) {
  const box = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(box);
  const live = useLiveInput(store, onScreen);
  const counted = useCommitCount<HTMLDivElement>();
  return (
    <div
      ref={(el) => {
        box.current = el;
        counted.current = el;
      }}
      className={className}
      data-testid={testId}
      data-on-screen={onScreen}
    >
      {children(live)}
    </div>
  );
}
