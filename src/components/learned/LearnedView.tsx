import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image28 } from '../../core/grid';
import type { MnistData } from '../../data/mnistFormat';
import type { MapLayerId } from '../../model/digitMap/mapLayers';
import type { ModelSession, SessionStatus } from '../../model/session';
import type { LabAction } from '../../state/labState';
import type { InputStore } from '../../state/inputStore';
import { DigitMapPanel } from '../digitMap/DigitMapPanel';
import { FilterLooksPanel, type FilterChoice } from '../filterLooks/FilterLooksPanel';
import type { FoolingView } from '../../state/shareTypes';
import { FoolingPanel } from '../fooling/FoolingPanel';

export interface LearnedViewProps {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
  /** The input as of the last finished stroke (or the sample, upload, ...). */
  readonly image: Image28 | null;
  /** The pen's live input (for views that follow strokes as they end). */
  readonly store: InputStore;
  readonly data: MnistData | null;
  readonly dispatch: Dispatch<LabAction>;
  /** The filter shown by "what each filter looks for" (kept in the link). */
  readonly filter: FilterChoice;
  /** The layer of the map of all digits (kept in the link). */
  readonly mapLayer: MapLayerId;
  readonly onMapLayer: (layer: MapLayerId) => void;
  /** The fooling panel's settings (kept in the link) and their setter. */
  readonly fooling: FoolingView;
  readonly onFooling: (fooling: FoolingView) => void;
}

/**
 * Tab 5, "What it learned": what the trained network has learned as a whole, beyond the one
 * digit on the pad. Each part is a panel of its own with its own catalogue.
 */
export function LearnedView(props: LearnedViewProps) {
  const { t } = useTranslation('learned');
  return (
    <div className="learned" data-testid="learned-view">
      <p className="learned__intro">{t('intro')}</p>
      <DigitMapPanel status={props.status} image={props.image} data={props.data} dispatch={props.dispatch} layer={props.mapLayer} onLayer={props.onMapLayer} />
      <FilterLooksPanel session={props.session} status={props.status} data={props.data} dispatch={props.dispatch} filter={props.filter} />
      <FoolingPanel
        session={props.session}
        status={props.status}
        image={props.image}
        store={props.store}
        dispatch={props.dispatch}
        settings={props.fooling}
        onSettings={props.onFooling}
      />
    </div>
  );
}
