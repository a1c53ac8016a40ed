import type { Image28 } from '../../core/grid';
import type { LayerOutput } from '../../model/activations';
import type { ModelSession } from '../../model/session';
import type { LabState } from '../../state/labState';
import { ActivationsPanel } from './ActivationsPanel';
import { ConvStepper } from './ConvStepper';
import { FilterComparePanel } from './FilterComparePanel';
import { useFirstLayerKernels } from './useStepperSource';
import '../../styles/lessons.css';

export interface LessonsViewProps {
  readonly image: Image28;
  readonly lab: LabState;
  readonly session: ModelSession | null;
  readonly modelVersion: number;
  /** Every layer's output for `image` from the model in view (null while not known). */
  readonly outputs: LayerOutput[] | null;
}

/** Step-by-step lessons on the live model and the current digit. */
export function LessonsView({ image, lab, session, modelVersion, outputs }: LessonsViewProps) {
  const conv1 = outputs?.find((l) => l.name === 'conv1') ?? null;
  const first = useFirstLayerKernels(session, modelVersion);
  return (
    <div className="lessons-stack">
      <ConvStepper image={image} lab={lab} session={session} modelVersion={modelVersion} conv1={conv1} />
      <ActivationsPanel conv1={conv1} />
      <FilterComparePanel first={first} />
    </div>
  );
}
