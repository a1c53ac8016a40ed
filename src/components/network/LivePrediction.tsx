import { isEmptyDrawing, type InputStore } from '../../state/inputStore';
import { useLiveInput } from '../input/useLiveInput';
import { PredictionCard } from './PredictionCard';

export interface LivePredictionProps {
  readonly store: InputStore;
  readonly message: string | null;
  readonly modelName: string;
}

/** The prediction card, following the pen: it renders on every move of a stroke. */
export function LivePrediction({ store, message, modelName }: LivePredictionProps) {
  const live = useLiveInput(store);
  const softmax = live.outputs.layers?.find((l) => l.kind === 'softmax')?.data ?? null;
  return (
    <PredictionCard probabilities={softmax} upToDate={live.outputs.image === live.image} empty={isEmptyDrawing(live)} message={message} modelName={modelName} />
  );
}
