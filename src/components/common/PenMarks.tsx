import type { InputStore } from '../../state/inputStore';
import { useLiveInput } from '../input/useLiveInput';
import { usePenToPixels } from './perfMarks';

/** Measures pen-to-pixels (perfMarks) on the live input; renders nothing. */
export function PenMarks({ store }: { readonly store: InputStore }) {
  const live = useLiveInput(store);
  usePenToPixels(live.image, live.outputs.image);
  return null;
}
