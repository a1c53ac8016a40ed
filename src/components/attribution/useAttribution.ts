import { useEffect, useMemo, useState } from 'react';
import { isAbortError } from '../../core/abort';
import { argmax } from '../../core/argmax';
import type { Grid, Image28 } from '../../core/grid';
import { messageOf } from '../../core/messageOf';
import type { OcclusionResult } from '../../core/occlusion';
import { whenPenUp } from '../../core/pen';
import { penAwarePause, runInSlices } from '../../core/slices';
import type { GradCam } from '../../model/attribution/gradCam';
import { placeLayerMap } from '../../model/attribution/gradCamPlacement';
import { occlusionAllClassesSteps, plainAllClassScores } from '../../model/attribution/occlusion';
import type { Saliency } from '../../model/attribution/saliency';
import type { ModelSession, SessionStatus } from '../../model/session';

/** Occlusion of every class for one image, from one model version. */
export interface OcclusionMaps {
  readonly image: Image28;
  readonly version: number;
  /** One result per class, 0-9: switching class needs no new pass. */
  readonly results: readonly OcclusionResult[];
}

/** Saliency and Grad-CAM of one class for one image, from one model version. */
export interface GradientMaps {
  readonly image: Image28;
  readonly version: number;
  readonly classIndex: number;
  readonly saliency: Saliency;
  /** null when the model has no convolution layer. */
  readonly gradCam: GradCam | null;
  /** Grad-CAM placed on the input by receptive fields (NaN where no cell sees a pixel); null without a convolution. */
  readonly placed: Grid | null;
}

export interface Attribution {
  /** The log-probability of each class from the plain pass (double precision); null without an image or a plain copy. */
  readonly logProbabilities: Float64Array | null;
  readonly predicted: number | null;
  /** The class explained: the chosen one, or the predicted one. */
  readonly classIndex: number | null;
  readonly occlusion: OcclusionMaps | null;
  readonly gradients: GradientMaps | null;
  readonly error: string | null;
}

const isBlank = (image: Image28) => image.data.every((v) => v === 0);

/**
 * The attribution maps of the digit on the page, kept up to date with `image` (which changes
 * when a stroke ends, not on every pen move) and the model in view (its status `version`):
 * occlusion of all 10 classes on the plain-JavaScript pass, in slices between frames that wait
 * while the pen is down; saliency and Grad-CAM of the explained class through the session's
 * tfjs model, started once the pen is up. Nothing runs while `active` is false (the panel is
 * off screen) or while the model in view trains: the maps then keep what they showed. A newer
 * image, class or model gives up the work in flight and drops its results.
 */
export function useAttribution(
  session: ModelSession | null,
  status: SessionStatus | null,
  image: Image28 | null,
  chosen: number | null,
  active: boolean,
): Attribution {
  const plain = status?.plain ?? null;
  const training = status?.training ?? false;
  const version = status?.version ?? 0;
  const spec = status?.spec ?? null;
  const [occlusion, setOcclusion] = useState<OcclusionMaps | null>(null);
  const [gradients, setGradients] = useState<GradientMaps | null>(null);
  const [error, setError] = useState<string | null>(null);

  const logProbabilities = useMemo(
    () => (image && plain && !isBlank(image) ? Float64Array.from(plainAllClassScores(plain)(image.data)) : null),
    [image, plain],
  );
  const predicted = logProbabilities ? argmax(logProbabilities) : null;
  const classIndex = chosen ?? predicted;

  useEffect(() => {
    if (!active || training || !image || !plain || isBlank(image)) return;
    const controller = new AbortController();
    const { signal } = controller;
    runInSlices(occlusionAllClassesSteps(plain, image), { signal, pause: penAwarePause }).then(
      (results) => {
        if (!signal.aborted) setOcclusion({ image, version, results });
      },
      (e: unknown) => {
        if (!isAbortError(e) && !signal.aborted) setError(messageOf(e));
      },
    );
    return () => controller.abort();
    // `version` is read for the record only: `plain` changes with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, training, image, plain]);

  useEffect(() => {
    if (!active || training || !image || !session || !spec || classIndex === null || isBlank(image)) return;
    return whenPenUp(async (signal) => {
      try {
        const saliency = await session.saliency(image, classIndex);
        if (signal.aborted) return;
        const gradCam = await session.gradCam(image, classIndex);
        if (signal.aborted) return;
        const placed = gradCam ? placeLayerMap(spec, gradCam.layer, gradCam.coarse) : null;
        setGradients({ image, version, classIndex, saliency, gradCam, placed });
        setError(null);
      } catch (e) {
        if (!signal.aborted && !isAbortError(e)) setError(messageOf(e));
      }
    });
  }, [active, training, image, session, spec, classIndex, version]);

  return { logProbabilities, predicted, classIndex, occlusion, gradients, error };
}
