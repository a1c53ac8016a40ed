import { memo, useDeferredValue, type Dispatch } from 'react';
import type { MnistData } from '../../data/mnistFormat';
import type { LayerOutput } from '../../model/activations';
import type { ModelSession } from '../../model/session';
import { isEmptyDrawing, type InputStore } from '../../state/inputStore';
import type { InputSource, LabAction } from '../../state/labState';
import { LiveOnScreen } from '../common/LiveOnScreen';
import { ConfusionPanel } from './ConfusionPanel';
import { PoolComparePanel } from './PoolComparePanel';
import { SoftmaxWorkedPanel } from './SoftmaxWorkedPanel';

interface PanelsProps {
  readonly layers: LayerOutput[] | null;
  readonly source: InputSource;
  readonly empty: boolean;
  readonly session: ModelSession | null;
  readonly data: MnistData | null;
  readonly modelVersion: number;
  readonly dispatch: Dispatch<LabAction>;
}

export type TeachPanelsProps = Omit<PanelsProps, 'layers' | 'source' | 'empty'> & {
  /** The live input and the CNN's outputs for it. */
  readonly store: InputStore;
};

const Panels = memo(function Panels({ layers, source, empty, session, data, modelVersion, dispatch }: PanelsProps) {
  return (
    <>
      <SoftmaxWorkedPanel layers={layers} source={source} empty={empty} />
      <PoolComparePanel layers={layers} />
      <ConfusionPanel session={session} data={data} modelVersion={modelVersion} dispatch={dispatch} source={source} />
    </>
  );
});

/** The panels on the input they were last given, following it at low priority. */
function DeferredPanels({ layers, source, empty, ...rest }: PanelsProps) {
  const deferredLayers = useDeferredValue(layers);
  const deferredSource = useDeferredValue(source);
  const deferredEmpty = useDeferredValue(empty);
  return <Panels layers={deferredLayers} source={deferredSource} empty={deferredEmpty} {...rest} />;
}

/**
 * The worked explanations under the network: softmax and loss, pooling compared, the
 * model's mistakes. They sit below the layers: they follow the pen only while on screen
 * (testid `teach-live`, which counts its commits in `data-renders`), and then at low
 * priority, so the layers and the prediction are drawn first and these catch up between pen
 * events; scrolled away, they catch up when they scroll back.
 */
export function TeachPanels({ store, ...rest }: TeachPanelsProps) {
  return (
    <LiveOnScreen store={store} testId="teach-live">
      {(live) => <DeferredPanels layers={live.outputs.layers} source={live.source} empty={isEmptyDrawing(live)} {...rest} />}
    </LiveOnScreen>
  );
}
