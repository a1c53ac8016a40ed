/**
 * The page's side of a run in the training worker, with `trainModel`'s contract: the same
 * callbacks, the same control and the same result. The page's model is sent as its topology
 * and weights; the worker trains its own copy, and the weights it ends with (completed or
 * stopped) are set into the page's model before the promise resolves, so everything after a
 * run works as after a run on the page; a run that fails leaves the page's model with the
 * weights of its last completed epoch (or as it was, before the first). Once the weights are
 * sent, `onHandOver` says so: the run no longer needs the page's model, and when the page's
 * WebGL context is lost it goes on; its weights then land in the model `pageModel` gives (the
 * one rebuilt on the CPU), and stay in the result when there is none.
 */
import type { EpochMetrics, TrainFunction, TrainResult } from '../model/trainMetrics';
import type { TrainingState } from '../model/trainingControl';
import type * as tf from '@tensorflow/tfjs';
import { restoreWeights, snapshotWeights, type WeightSnapshot } from '../model/weights';
import type { BackendChoice } from '../model/backendChoice';
import type { BackendRequest, PageMessage, WorkerMessage } from './protocol';

/** A connection to the training worker (a real Worker, or a message channel in the tests). */
export interface WorkerEndpoint {
  post(message: PageMessage, transfer: Transferable[]): void;
  /** Calls `onMessage` with every message, `onFailure` when the worker itself fails; returns the function that stops listening. */
  listen(onMessage: (message: WorkerMessage) => void, onFailure: (reason: string) => void): () => void;
}

/** The worker itself failed (its script did not load, or it crashed), as opposed to a run that failed in it. */
export class WorkerFailure extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WorkerFailure';
  }
}

/** How runs pick the worker's backend: what each run asks for, and where a new trial is remembered. */
export interface BackendHooks {
  request(): BackendRequest;
  remember(choice: BackendChoice): void;
}

/** Runs ask for nothing remembered (the worker measures once) and nothing is kept. */
const NO_MEMORY: BackendHooks = { request: () => ({ remembered: null, remeasure: false }), remember: () => undefined };

const ACTIONS: Readonly<Record<TrainingState, 'resume' | 'pause' | 'stop'>> = { running: 'resume', paused: 'pause', stopped: 'stop' };

/** A {@link TrainFunction} that runs each training run through the endpoint `connect` gives. */
export function trainOver(connect: () => WorkerEndpoint, backend: BackendHooks = NO_MEMORY): TrainFunction {
  let nextId = 1;
  return async (model, data, options, callbacks, control) => {
    const weights = await control.guard(snapshotWeights(model));
    const endpoint = connect();
    const id = nextId++;
    return new Promise<TrainResult>((resolve, reject) => {
      const history: EpochMetrics[] = [];
      let lastSnapshot: WeightSnapshot | null = null;
      let queue = Promise.resolve();
      let finished = false;
      // The page model the run's weights land in; null when none could be rebuilt after a context loss.
      const landing = (): Promise<tf.LayersModel | null> => (callbacks.pageModel ? callbacks.pageModel().catch(() => null) : Promise.resolve(model));
      const send = (state: TrainingState) => endpoint.post({ type: 'control', id, action: ACTIONS[state] }, []);
      const finish = (end: () => void) => {
        if (finished) return;
        finished = true;
        stopListening();
        unsubscribe();
        control.signal.removeEventListener('abort', onAbandon);
        end();
      };
      const handle = async (message: WorkerMessage): Promise<void> => {
        if (finished) return;
        if (message.type === 'state') {
          callbacks.onTrainer?.({
            backend: message.backend,
            inWorker: true,
            workerTensors: message.numTensors,
            fallback: message.fallback,
            trial: message.trial,
          });
          return;
        }
        if (message.type === 'trial') return backend.remember(message.choice);
        if (message.id !== id) return;
        if (message.type === 'batch') for (const metrics of message.metrics) await callbacks.onBatch?.(metrics);
        else if (message.type === 'weights') callbacks.onWeights?.(message.snapshot);
        else if (message.type === 'first-epoch-weights') await callbacks.onFirstEpochWeights?.(message.point, message.snapshot);
        else if (message.type === 'mask') callbacks.onDropoutMask?.(message.mask);
        else if (message.type === 'epoch') {
          history.push(message.metrics);
          lastSnapshot = message.snapshot;
          await callbacks.onEpoch?.(message.metrics, message.snapshot);
        } else if (message.type === 'done') {
          const target = await landing();
          if (target) restoreWeights(target, message.finalWeights);
          finish(() => resolve({ ...message.result, finalWeights: message.finalWeights }));
        } else {
          // A run that failed in the worker (its WebGL context was lost, say) leaves the page's
          // model with the weights of its last completed epoch, as a stopped run would.
          const target = lastSnapshot && (await landing());
          if (target && lastSnapshot) restoreWeights(target, lastSnapshot);
          finish(() => reject(new Error(message.message)));
        }
      };
      // Messages are handled one after the other, each after the callbacks of the one before.
      const stopListening = endpoint.listen(
        (message) => {
          queue = queue
            .then(() => handle(message))
            .catch((error: unknown) => {
              send('stopped');
              finish(() => reject(error));
            });
        },
        (reason) => finish(() => reject(new WorkerFailure(reason))),
      );
      const unsubscribe = control.subscribe(send);
      // The page's backend died before the run was handed over (or the page gave up on the
      // run): the run ends now, as stopped, and the worker stops too.
      const onAbandon = () => {
        send('stopped');
        finish(() => resolve({ status: 'stopped', epochsCompleted: history.length, history, lastSnapshot }));
      };
      control.signal.addEventListener('abort', onAbandon);
      const topology = model.toJSON(null, false) as object;
      // The weights are copied, not moved: the page keeps them as the run's first weights.
      endpoint.post({ type: 'train', id, topology, weights, data, options, backend: backend.request() }, []);
      callbacks.onHandOver?.(weights);
      if (control.state !== 'running') send(control.state);
    });
  };
}
