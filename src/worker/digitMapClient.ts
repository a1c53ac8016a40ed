/**
 * The page's side of the digit-map worker (digitMapWorker.ts): one worker for the page's
 * life, started by the first map, so the layouts it fitted stay there to place new digits.
 * Each call is a job whose answer resolves its promise; an aborted signal cancels the job.
 */
import type { DigitMapReply, DigitMapRequest, DigitMapStage } from './digitMapProtocol';

export type FitRequest = Omit<Extract<DigitMapRequest, { type: 'fit' }>, 'type' | 'job'>;

export interface FitProgress {
  readonly stage: DigitMapStage;
  readonly done: number;
  readonly total: number;
}

interface Pending {
  readonly resolve: (reply: DigitMapReply) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (p: FitProgress) => void;
}

let worker: Worker | null = null;
let nextJob = 1;
const pending = new Map<number, Pending>();

function connect(): Worker {
  if (worker) return worker;
  const current = new Worker(new URL('./digitMapWorker.ts', import.meta.url), { type: 'module', name: 'convlens-digit-map' });
  current.addEventListener('message', (event: MessageEvent<DigitMapReply>) => {
    const reply = event.data;
    const job = pending.get(reply.job);
    if (!job) return;
    if (reply.type === 'progress') {
      job.onProgress?.({ stage: reply.stage, done: reply.done, total: reply.total });
      return;
    }
    pending.delete(reply.job);
    if (reply.type === 'failed') job.reject(new Error(reply.message));
    else job.resolve(reply);
  });
  current.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    current.terminate();
    if (worker === current) worker = null;
    const failure = new Error(event.message || 'The digit-map worker stopped.');
    for (const job of pending.values()) job.reject(failure);
    pending.clear();
  });
  worker = current;
  return current;
}

function send<T extends DigitMapReply>(make: (job: number) => DigitMapRequest, signal?: AbortSignal, onProgress?: (p: FitProgress) => void): Promise<T> {
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  const target = connect();
  const job = nextJob++;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      if (!pending.delete(job)) return;
      target.postMessage({ type: 'cancel', job } satisfies DigitMapRequest);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    pending.set(job, {
      resolve: (reply) => {
        done();
        resolve(reply as T);
      },
      reject: (error) => {
        done();
        reject(error);
      },
      onProgress,
    });
    target.postMessage(make(job));
  });
}

/** The layout of `request`'s digits (interleaved x, y), fitted in the worker with progress. */
export async function fitInWorker(request: FitRequest, onProgress: (p: FitProgress) => void, signal: AbortSignal): Promise<Float32Array> {
  const reply = await send<Extract<DigitMapReply, { type: 'layout' }>>((job) => ({ type: 'fit', job, ...request }), signal, onProgress);
  return reply.xy;
}

/** Where the worker's layout `key` places `image` (784 grey levels in [0, 1]); null when it no longer holds that layout. */
export async function placeInWorker(key: string, image: Float32Array, signal: AbortSignal): Promise<readonly [number, number] | null> {
  const reply = await send<Extract<DigitMapReply, { type: 'placed' }>>((job) => ({ type: 'place', job, key, image }), signal);
  return reply.xy;
}
