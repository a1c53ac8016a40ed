/**
 * What the training worker does with each message from the page, as plain functions (the
 * worker's entry, trainWorker.ts, only connects them to `self`; the tests call them
 * directly). A run first settles the worker's backend (backendPicker.ts: a remembered
 * choice, or a measured trial), then rebuilds the page's model from its topology and
 * weights and trains it with the same loop as the page (model/train.ts), reporting every
 * batch (bundled: batchBundler.ts), every epoch with its weights, the weights after the
 * first epoch's batches the replay keeps (1, 2, 4, 8 ...), and the weights and a recent
 * step's dropout mask a few times a second in between.
 */
import * as tf from '@tensorflow/tfjs';
import { stopPollingLostWebGl, watchContextLoss } from '../model/backend';
import '../model/minPooling';
import { trainModel } from '../model/train';
import { TrainingControl } from '../model/trainingControl';
import { restoreWeights, snapshotWeights } from '../model/weights';
import type { BackendPicker, PickedBackend } from './backendPicker';
import { BUNDLE_MS, bundleBatches } from './batchBundler';
import { PenGate } from './penGate';
import { snapshotBuffers, type PageMessage, type TrainMessage, type WorkerMessage } from './protocol';
import { trialWorkFor } from './trialWork';
import { messageOf } from '../core/messageOf';

/** How often the weights are sent while a run goes on (the maps follow them). */
export const WEIGHTS_EVERY_MS = 250;

/** What a run reports when the worker's WebGL context is lost under it. */
export const WEBGL_LOST_MESSAGE = 'The WebGL context of the training worker was lost; the next run trains on another backend.';

/** Sends a message to the page, transferring the listed buffers. */
export type PostToPage = (message: WorkerMessage, transfer?: Transferable[]) => void;

/**
 * The worker's message handler. Each run asks `picker` for its backend; a failure there
 * fails the run with its message. `pen` is the gate the pen messages open and close;
 * batch reports leave at most once per `bundleMs` (batchBundler.ts).
 */
export function createTrainHandler(
  postNow: PostToPage,
  picker: BackendPicker,
  pen = new PenGate(),
  bundleMs = BUNDLE_MS,
): (message: PageMessage) => Promise<void> {
  const post = bundleBatches(postNow, bundleMs);
  const runs = new Map<number, TrainingControl>();
  let picked: PickedBackend | null = null;

  const reportState = (): void => {
    if (!picked) return;
    post({ type: 'state', backend: picked.backend, fallback: picked.fallback, numTensors: tf.memory().numTensors, trial: picked.trial });
  };

  const train = async (message: TrainMessage): Promise<void> => {
    const { id } = message;
    const control = new TrainingControl();
    runs.set(id, control);
    let model: tf.LayersModel | null = null;
    let unwatch = () => undefined as void;
    try {
      picked = await picker.pick(message.backend, () => trialWorkFor(message));
      if (picked.measuredNow && picked.trial) post({ type: 'trial', choice: picked.trial });
      reportState();
      // A lost context never answers a pending read: the run is abandoned at once instead.
      unwatch = watchContextLoss(() => {
        stopPollingLostWebGl();
        picker.webglLost(WEBGL_LOST_MESSAGE);
        control.abandon(WEBGL_LOST_MESSAGE);
      });
      const built = await tf.models.modelFromJSON({ modelTopology: message.topology as tf.io.ModelJSON['modelTopology'] });
      model = built;
      restoreWeights(built, message.weights);
      let sent = performance.now();
      const result = await trainModel(
        built,
        message.data,
        message.options,
        {
          onBatch: async (metrics) => {
            post({ type: 'batch', id, metrics: [metrics] });
            await pen.pass();
            if (performance.now() - sent < WEIGHTS_EVERY_MS || control.state === 'stopped') return;
            sent = performance.now();
            const snapshot = await control.guard(snapshotWeights(built));
            post({ type: 'weights', id, snapshot }, snapshotBuffers(snapshot));
          },
          onFirstEpochWeights: (point, snapshot) => post({ type: 'first-epoch-weights', id, point, snapshot }, snapshotBuffers(snapshot)),
          // Copied, not transferred: the result's lastSnapshot is the same object.
          onEpoch: (metrics, snapshot) => post({ type: 'epoch', id, metrics, snapshot }),
          // At most every maskEveryMs (a run option), and only for a network with dropout.
          onDropoutMask: (mask) => post({ type: 'mask', id, mask }, [mask.kept.buffer as ArrayBuffer]),
        },
        control,
      );
      if (control.isAbandoned) throw new Error(WEBGL_LOST_MESSAGE);
      const finalWeights = await control.guard(snapshotWeights(built));
      built.dispose();
      model = null;
      reportState();
      post({ type: 'done', id, result, finalWeights }, snapshotBuffers(finalWeights));
    } catch (error) {
      try {
        model?.dispose();
      } catch {
        // A model on a lost context may not free cleanly; it is gone either way.
      }
      post({ type: 'error', id, message: control.isAbandoned ? WEBGL_LOST_MESSAGE : messageOf(error) });
      reportState();
    } finally {
      unwatch();
      runs.delete(id);
    }
  };

  return async (message) => {
    if (message.type === 'train') return train(message);
    if (message.type === 'pen') return pen.set(message.down);
    const control = runs.get(message.id);
    if (!control) return;
    if (message.action === 'pause') control.pause();
    else if (message.action === 'resume') control.resume();
    else control.stop();
  };
}
