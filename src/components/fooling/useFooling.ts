import { useEffect, useMemo, useState } from 'react';
import { isAbortError } from '../../core/abort';
import { argmax } from '../../core/argmax';
import type { Image28 } from '../../core/grid';
import { messageOf } from '../../core/messageOf';
import { whenPenUp } from '../../core/pen';
import { penAwarePause, runInSlices } from '../../core/slices';
import { plainAllClassScores } from '../../model/attribution/occlusion';
import {
  fgsmDirection,
  fgsmInput,
  smallestFlipSteps,
  TARGETED_ALPHA,
  TARGETED_MAX_STEPS,
  targetedAttack,
  type FlipSearch,
  type TargetedResult,
} from '../../model/fooling/attacks';
import type { ModelSession, SessionStatus } from '../../model/session';
import type { FoolingView } from '../../state/shareTypes';

/** The panel's settings, as the link keeps them. */
export type FoolingSettings = FoolingView;

/** The FGSM direction of one image and label, from one model version, and the smallest epsilon that flips it. */
interface FgsmWork {
  readonly image: Image28;
  readonly version: number;
  readonly label: number;
  readonly direction: Int8Array;
  readonly search: FlipSearch | null;
}

interface TargetedWork {
  readonly image: Image28;
  readonly version: number;
  readonly target: number;
  readonly epsilon: number;
  readonly result: TargetedResult;
}

export interface Fooling {
  /** The original's probabilities (plain pass); null without an image or a plain copy of the model. */
  readonly original: Float64Array | null;
  readonly predicted: number | null;
  /** The class whose loss FGSM raises: the sample's true digit, or the predicted class. */
  readonly label: number | null;
  readonly target: number | null;
  /** The fooled input for the settings, with its probabilities; null while it is computed. */
  readonly fooled: { readonly input: Image28; readonly probabilities: Float64Array; readonly predicted: number } | null;
  readonly search: FlipSearch | null;
  readonly targeted: TargetedResult | null;
  readonly error: string | null;
}

const isBlank = (image: Image28) => image.data.every((v) => v === 0);
const probabilitiesOf = (logP: ArrayLike<number>) => Float64Array.from(logP, Math.exp);

/**
 * The fooled versions of the digit on the page, kept up to date with `image` (which changes
 * when a stroke ends) and the model in view: the FGSM direction from one gradient (tfjs,
 * started once the pen is up), then the smallest flipping epsilon on plain passes in slices,
 * and, for the targeted variant, its steps (one gradient each) for the chosen epsilon and
 * target. A newer image, setting or model gives up the work in flight; nothing runs while
 * `active` is false or while the model in view trains.
 */
export function useFooling(
  session: ModelSession | null,
  status: SessionStatus | null,
  image: Image28 | null,
  trueLabel: number | null,
  { epsilon, method, target: chosenTarget }: FoolingSettings,
  active: boolean,
): Fooling {
  const plain = status?.plain ?? null;
  const training = status?.training ?? false;
  const version = status?.version ?? 0;
  const [fgsm, setFgsm] = useState<FgsmWork | null>(null);
  const [targetedWork, setTargeted] = useState<TargetedWork | null>(null);
  const [error, setError] = useState<string | null>(null);

  const scores = useMemo(() => (plain ? plainAllClassScores(plain) : null), [plain]);
  const original = useMemo(() => (image && scores && !isBlank(image) ? probabilitiesOf(scores(image.data)) : null), [image, scores]);
  const predicted = original ? argmax(original) : null;
  const label = predicted === null ? null : (trueLabel ?? predicted);
  const target = predicted === null ? null : (chosenTarget ?? (predicted + 1) % 10);

  useEffect(() => {
    if (!active || training || !image || !session || !scores || label === null || predicted === null) return;
    return whenPenUp(async (signal) => {
      try {
        const direction = await fgsmDirection((im, c) => session.saliency(im, c), image, label);
        if (signal.aborted) return;
        setFgsm({ image, version, label, direction, search: null });
        const search = await runInSlices(smallestFlipSteps(scores, image, direction, predicted), { signal, pause: penAwarePause });
        if (!signal.aborted) setFgsm({ image, version, label, direction, search });
        setError(null);
      } catch (e) {
        if (!signal.aborted && !isAbortError(e)) setError(messageOf(e));
      }
    });
  }, [active, training, image, session, scores, label, predicted, version]);

  useEffect(() => {
    if (method !== 'targeted' || !active || training || !image || !session || !scores || target === null) return;
    return whenPenUp(async (signal) => {
      try {
        const settings = { epsilon, alpha: TARGETED_ALPHA, maxSteps: TARGETED_MAX_STEPS };
        const result = await targetedAttack((im, c) => session.saliency(im, c), scores, image, target, settings, { signal, pause: penAwarePause });
        if (!signal.aborted) setTargeted({ image, version, target, epsilon, result });
      } catch (e) {
        if (!signal.aborted && !isAbortError(e)) setError(messageOf(e));
      }
    });
  }, [method, active, training, image, session, scores, target, epsilon, version]);

  const fgsmCurrent = fgsm && fgsm.image === image && fgsm.version === version && fgsm.label === label ? fgsm : null;
  const targetedCurrent =
    targetedWork && targetedWork.image === image && targetedWork.version === version && targetedWork.target === target && targetedWork.epsilon === epsilon
      ? targetedWork
      : null;

  const fooled = useMemo(() => {
    if (!scores || !image) return null;
    const input = method === 'fgsm' ? (fgsmCurrent ? fgsmInput(image, fgsmCurrent.direction, epsilon) : null) : (targetedCurrent?.result.input ?? null);
    if (!input) return null;
    const probabilities = probabilitiesOf(scores(input.data));
    return { input, probabilities, predicted: argmax(probabilities) };
  }, [scores, image, method, fgsmCurrent, targetedCurrent, epsilon]);

  return {
    original,
    predicted,
    label,
    target,
    fooled,
    search: fgsmCurrent?.search ?? null,
    targeted: targetedCurrent?.result ?? null,
    error,
  };
}
