import { currentBackend } from '../model/backend';
import { trainModel } from '../model/train';
import type { Trainer, TrainFunction, TrainingBackend } from '../model/trainMetrics';
import { backendMemory, pageStorage } from './backendMemory';
import { onPenChange } from '../core/pen';
import { takeRemeasure } from './pageSignals';
import type { WorkerMessage } from './protocol';
import { trainOver, WorkerFailure, type WorkerEndpoint } from './trainOver';

/**
 * Training in a dedicated worker (trainWorker.ts), started at the first run and kept for the
 * next ones (its backend is loaded once); a worker that failed is replaced at the next run.
 * A worker that fails before it ever answered (it cannot start here) is given up: that run
 * and the later ones train on the page, as without a Worker (with the page's model of the
 * moment: the one rebuilt on the CPU when the page's WebGL context was lost meanwhile). Each
 * run sends the backend trial remembered in localStorage (or asks for a new one), and a trial
 * the worker measured is remembered; the pen going down or up on the drawing pad is passed
 * on to the worker.
 */
export function createWorkerTrainer(): Trainer {
  let worker: Worker | null = null;
  let answered = false;
  let givenUp = false;
  const connect = (): WorkerEndpoint => {
    const current = (worker ??= new Worker(new URL('./trainWorker.ts', import.meta.url), { type: 'module', name: 'convlens-training' }));
    return {
      post: (message, transfer) => current.postMessage(message, transfer),
      listen: (onMessage, onFailure) => {
        const message = (event: MessageEvent<WorkerMessage>) => {
          answered = true;
          onMessage(event.data);
        };
        const failure = (event: ErrorEvent) => {
          event.preventDefault();
          current.terminate();
          if (worker === current) worker = null;
          onFailure(event.message || 'The training worker stopped.');
        };
        current.addEventListener('message', message);
        current.addEventListener('error', failure);
        return () => {
          current.removeEventListener('message', message);
          current.removeEventListener('error', failure);
        };
      },
    };
  };
  const memory = backendMemory(pageStorage(), typeof navigator === 'undefined' ? '' : navigator.userAgent);
  const inWorker = trainOver(connect, { request: () => memory.request(takeRemeasure()), remember: (choice) => void memory.remember(choice) });
  const stopFollowingPen = onPenChange((down) => worker?.postMessage({ type: 'pen', down }));
  const onPage: TrainFunction = (model, data, options, callbacks, control) => {
    callbacks.onTrainer?.({ backend: currentBackend() as TrainingBackend, inWorker: false, workerTensors: null, fallback: null, trial: null });
    return trainModel(model, data, options, callbacks, control);
  };
  return {
    train: async (model, data, options, callbacks, control) => {
      if (givenUp) return onPage(model, data, options, callbacks, control);
      try {
        return await inWorker(model, data, options, callbacks, control);
      } catch (error) {
        if (!(error instanceof WorkerFailure) || answered) throw error;
        givenUp = true;
        console.warn(`Training runs on the page: the training worker could not start (${error.message}).`);
        // The run was handed over as the page's WebGL context was lost: it goes on with the model rebuilt on the CPU.
        const pageModel = callbacks.pageModel ? await callbacks.pageModel() : model;
        return onPage(pageModel, data, options, callbacks, control);
      }
    },
    dispose: () => {
      stopFollowingPen();
      worker?.terminate();
      worker = null;
    },
  };
}

/** The localStorage key that keeps training on the page ('page'), e.g. to compare the two. */
export const TRAIN_ON_PAGE_KEY = 'convlens.training';

/** Training in a worker, unless the browser has no Worker or the page was asked to train itself; null then. */
export function defaultTrainer(): Trainer | null {
  if (typeof Worker === 'undefined') return null;
  try {
    if (localStorage.getItem(TRAIN_ON_PAGE_KEY) === 'page') return null;
  } catch {
    // Storage refused (a private mode): the default stands.
  }
  return createWorkerTrainer();
}
