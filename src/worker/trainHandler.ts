/**
 * What the training worker does with each message from the page, as plain functions (the
 * worker's entry, trainWorker.ts, only connects them to `self`; the tests call them
 * directly). A run rebuilds the page's model from its topology and weights and trains it
 * with the same loop as the page (model/train.ts), reporting every batch, every epoch with
 * its weights, and the weights a few times a second in between.
 */
import * as tf from '@tensorflow/tfjs';
import '../model/minPooling';
import { trainModel } from '../model/train';
import { TrainingControl } from '../model/trainingControl';
import { restoreWeights, snapshotWeights } from '../model/weights';
import { snapshotBuffers, type PageMessage, type TrainMessage, type WorkerMessage } from './protocol';
import type { WorkerBackendState } from './workerBackend';

/** How often the weights are sent while a run goes on (the maps follow them). */
export const WEIGHTS_EVERY_MS = 250;

/** Sends a message to the page, transferring the listed buffers. */
export type PostToPage = (message: WorkerMessage, transfer?: Transferable[]) => void;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The worker's message handler. `startBackend` runs once, before the first run; its
 * failure fails every run with its message.
 */
export function createTrainHandler(post: PostToPage, startBackend: () => Promise<WorkerBackendState>): (message: PageMessage) => Promise<void> {
  const runs = new Map<number, TrainingControl>();
  let backend: Promise<WorkerBackendState> | null = null;

  const reportState = async (): Promise<void> => {
    const state = await (backend ??= startBackend());
    post({ type: 'state', backend: state.backend, fallback: state.fallback, numTensors: tf.memory().numTensors });
  };

  const train = async (message: TrainMessage): Promise<void> => {
    const { id } = message;
    const control = new TrainingControl();
    runs.set(id, control);
    let model: tf.LayersModel | null = null;
    try {
      await reportState();
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
            post({ type: 'batch', id, metrics });
            if (performance.now() - sent < WEIGHTS_EVERY_MS || control.state === 'stopped') return;
            sent = performance.now();
            const snapshot = await snapshotWeights(built);
            post({ type: 'weights', id, snapshot }, snapshotBuffers(snapshot));
          },
          // Copied, not transferred: the result's lastSnapshot is the same object.
          onEpoch: (metrics, snapshot) => post({ type: 'epoch', id, metrics, snapshot }),
        },
        control,
      );
      const finalWeights = await snapshotWeights(built);
      built.dispose();
      model = null;
      await reportState();
      post({ type: 'done', id, result, finalWeights }, snapshotBuffers(finalWeights));
    } catch (error) {
      model?.dispose();
      post({ type: 'error', id, message: messageOf(error) });
      await reportState().catch(() => undefined);
    } finally {
      runs.delete(id);
    }
  };

  return async (message) => {
    if (message.type === 'train') return train(message);
    const control = runs.get(message.id);
    if (!control) return;
    if (message.action === 'pause') control.pause();
    else if (message.action === 'resume') control.resume();
    else control.stop();
  };
}
