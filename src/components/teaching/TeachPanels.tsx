import { memo, useDeferredValue, type Dispatch } from 'react';
import type { MnistData } from '../../data/mnistFormat';
import type { LayerOutput } from '../../model/activations';
import type { ModelSession } from '../../model/session';
import type { InputSource, LabAction } from '../../state/labState';
import { ConfusionPanel } from './ConfusionPanel';
import { PoolComparePanel } from './PoolComparePanel';
import { SoftmaxWorkedPanel } from './SoftmaxWorkedPanel';

export interface TeachPanelsProps {
  readonly layers: LayerOutput[] | null;
  readonly source: InputSource;
  readonly empty: boolean;
  readonly session: ModelSession | null;
  readonly data: MnistData | null;
  readonly modelVersion: number;
  readonly dispatch: Dispatch<LabAction>;
}

const Panels = memo(function Panels({ layers, source, empty, session, data, modelVersion, dispatch }: TeachPanelsProps) {
  return (
    <>
      <SoftmaxWorkedPanel layers={layers} source={source} empty={empty} />
      <PoolComparePanel layers={layers} />
      <ConfusionPanel session={session} data={data} modelVersion={modelVersion} dispatch={dispatch} source={source} />
    </>
  );
});

/**
 * The worked explanations under the network: softmax and loss, pooling compared, the
 * model's mistakes. They sit below the layers, so they follow the pen at low priority: the
 * layers and the prediction are drawn first, and these catch up between pen events.
 */
export function TeachPanels({ layers, source, empty, ...rest }: TeachPanelsProps) {
  const deferredLayers = useDeferredValue(layers);
  const deferredSource = useDeferredValue(source);
  const deferredEmpty = useDeferredValue(empty);
  return <Panels layers={deferredLayers} source={deferredSource} empty={deferredEmpty} {...rest} />;
}
