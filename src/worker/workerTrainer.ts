import type { Trainer } from '../model/trainMetrics';
import type { WorkerMessage } from './protocol';
import { trainOver, type WorkerEndpoint } from './trainOver';

/**
 * Training in a dedicated worker (trainWorker.ts), started at the first run and kept for the
 * next ones (its backend is loaded once); a worker that failed is replaced at the next run.
 */
export function createWorkerTrainer(): Trainer {
  let worker: Worker | null = null;
  const connect = (): WorkerEndpoint => {
    const current = (worker ??= new Worker(new URL('./trainWorker.ts', import.meta.url), { type: 'module', name: 'convlens-training' }));
    return {
      post: (message, transfer) => current.postMessage(message, transfer),
      listen: (onMessage, onFailure) => {
        const message = (event: MessageEvent<WorkerMessage>) => onMessage(event.data);
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
  return {
    train: trainOver(connect),
    dispose: () => {
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
