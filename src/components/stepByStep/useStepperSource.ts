import { useEffect, useMemo, useState } from 'react';
import type { ConvOptions } from '../../core/convolve';
import { convSteps, type ConvStepSequence } from '../../core/convSteps';
import { createGrid, type Grid, type Image28 } from '../../core/grid';
import { scaleInput } from '../../core/inputScale';
import type { FirstLayerKernels } from '../../model/firstLayer';
import type { ModelSession } from '../../model/session';
import type { LabState } from '../../state/labState';

/** What the stepper slides: one of the edge filters, or one channel of the CNN's first layer. */
export type StepperSource = { readonly kind: 'edge'; readonly slot: number } | { readonly kind: 'cnn'; readonly channel: number };

export function sourceKey(s: StepperSource): string {
  return s.kind === 'edge' ? `edge-${s.slot}` : `cnn-${s.channel}`;
}

export function parseSourceKey(key: string): StepperSource {
  const [kind, n] = key.split('-');
  return kind === 'cnn' ? { kind: 'cnn', channel: Number(n) } : { kind: 'edge', slot: Number(n) };
}

export interface StepperSetup {
  /** The input the kernel slides over (before padding), and the largest value it can hold. */
  readonly input: Grid;
  readonly inputMax: number;
  readonly kernel: Grid;
  readonly conv: ConvOptions;
  readonly sequence: ConvStepSequence;
}

/**
 * Reads conv1's kernels from the model in view, again whenever `modelVersion` changes
 * (while training, or when the view switches models).
 */
export function useFirstLayerKernels(session: ModelSession | null, modelVersion: number): FirstLayerKernels | null {
  const [kernels, setKernels] = useState<FirstLayerKernels | null>(null);
  useEffect(() => {
    if (!session) return;
    let live = true;
    session
      .firstLayerKernels()
      .then((k) => live && setKernels(k))
      .catch((e: unknown) => console.warn(e));
    return () => {
      live = false;
    };
  }, [session, modelVersion]);
  return kernels;
}

/** The input, kernel, stride / padding, bias and every step of the chosen source. */
export function useStepperSetup(source: StepperSource, image: Image28, lab: LabState, first: FirstLayerKernels | null): StepperSetup | null {
  return useMemo(() => {
    if (source.kind === 'edge') {
      const input = scaleInput(image, lab.rule.input);
      const kernel = lab.filters[source.slot].kernel;
      const inputMax = lab.rule.input.kind === 'grey255' ? 255 : 1;
      return { input, inputMax, kernel, conv: lab.conv, sequence: convSteps(input, kernel, lab.conv) };
    }
    if (!first || source.channel >= first.kernels.length) return null;
    const kernel = createGrid(first.kernelHeight, first.kernelWidth, first.kernels[source.channel]);
    // 'same' with stride 1 pads (k - 1) / 2 zeros on every side (odd kernels, as the editor offers).
    const conv = { stride: first.stride, padding: first.padding === 'same' ? Math.floor((first.kernelHeight - 1) / 2) : 0 };
    return { input: image, inputMax: 1, kernel, conv, sequence: convSteps(image, kernel, conv, first.biases[source.channel]) };
  }, [source, image, lab.rule.input, lab.filters, lab.conv, first]);
}
