/**
 * The backend trial page: the model layer's backend trial on the default network, run in
 * the browser on 'wasm' (its binaries loaded from the build's own assets, as the app
 * would), 'webgl' and 'cpu'. scripts/bench-backends.ts builds and serves it, then calls
 * `window.convlensTrial(images, labels, steps)` with a batch of MNIST digits.
 */
import * as tf from '@tensorflow/tfjs';
import { runBackendTrial, type TrialResult } from '../../src/model/backendTrial';
import { DEFAULT_SPEC } from '../../src/model/spec';
import { trainingWorkload } from '../../src/model/trialWorkload';

async function trial(
  images: number[],
  labels: number[],
  timedSteps: number,
): Promise<TrialResult & { tensorsBefore: number; tensorsAfter: number; backendAfter: string }> {
  await tf.setBackend('cpu');
  const tensorsBefore = tf.memory().numTensors;
  const workload = trainingWorkload({ spec: DEFAULT_SPEC, images: Float32Array.from(images), labels: Int32Array.from(labels) });
  const result = await runBackendTrial(workload, { backends: ['wasm', 'webgl', 'cpu'], warmupSteps: 2, timedSteps });
  return { ...result, tensorsBefore, tensorsAfter: tf.memory().numTensors, backendAfter: tf.getBackend() };
}

declare global {
  interface Window {
    convlensTrial?: typeof trial;
  }
}
window.convlensTrial = trial;
