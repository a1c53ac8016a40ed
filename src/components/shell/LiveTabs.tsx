import { memo, type Dispatch, type ReactNode } from 'react';
import { isEmptyDrawing, type InputSnapshot, type InputStore } from '../../state/inputStore';
import type { LabAction, LabState } from '../../state/labState';
import { EdgeLab } from '../edgeLab/EdgeLab';
import { useLiveInput } from '../input/useLiveInput';

/** The edge-filter lab renders only when its props change: while its tab is hidden, they do not. */
const ShownEdgeLab = memo(EdgeLab);

export interface LiveEdgeLabProps {
  readonly store: InputStore;
  /** Whether its tab is shown: hidden, it keeps the input it last showed and does no work. */
  readonly shown: boolean;
  readonly state: LabState;
  readonly dispatch: Dispatch<LabAction>;
  /** Shown until there is a first image (the first digit loading, or why it could not). */
  readonly loading: string;
}

/** The edge-filter lab on the live input: its maps follow the pen while its tab is shown. */
export function LiveEdgeLab({ store, shown, state, dispatch, loading }: LiveEdgeLabProps) {
  const { image } = useLiveInput(store, shown);
  return image ? (
    <ShownEdgeLab image={image} state={state} dispatch={dispatch} />
  ) : (
    <section className="panel edge-lab edge-lab--loading" aria-busy="true">
      <p className="muted">{loading}</p>
    </section>
  );
}

/** The softmax of the live input, when it belongs to that input and there is something to classify. */
export function liveProbabilities(live: InputSnapshot): Float32Array | null {
  if (isEmptyDrawing(live) || live.outputs.image !== live.image) return null;
  return live.outputs.layers?.find((l) => l.kind === 'softmax')?.data ?? null;
}

/** The lessons tab's views on the live input while the tab is shown. */
export function LiveLessons({
  store,
  shown,
  children,
}: {
  readonly store: InputStore;
  readonly shown: boolean;
  readonly children: (live: InputSnapshot) => ReactNode;
}) {
  return children(useLiveInput(store, shown));
}
