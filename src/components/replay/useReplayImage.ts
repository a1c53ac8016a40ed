import { useEffect, useState } from 'react';
import type { Image28 } from '../../core/grid';
import { penDeferred } from '../../core/pen';
import type { InputStore } from '../../state/inputStore';

/**
 * The current digit for the replay: it follows the input, but a stroke only when the pen
 * lifts (the replay is no view of the pen, so it costs nothing while one is drawn).
 */
export function useReplayImage(input: InputStore | undefined): Image28 | null {
  const [image, setImage] = useState(() => input?.get().image ?? null);
  useEffect(() => {
    if (!input) return;
    const catchUp = penDeferred(() => setImage(input.get().image));
    const stop = input.subscribe(catchUp.request);
    catchUp.request();
    return () => {
      stop();
      catchUp.cancel();
    };
  }, [input]);
  return image;
}
