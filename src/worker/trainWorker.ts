/**
 * The training worker: tfjs on the WebAssembly backend (the CPU backend when wasm cannot
 * start), off the page's thread, so drawing never waits for a training step.
 */
import type { PageMessage, WorkerMessage } from './protocol';
import { createTrainHandler } from './trainHandler';
import { startWorkerBackend } from './workerBackend';

/** What the worker uses of its global scope (the DOM typings describe a window, not a worker). */
interface WorkerScope {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PageMessage>) => void): void;
}

const scope = self as unknown as WorkerScope;

const handle = createTrainHandler(
  (message, transfer = []) => scope.postMessage(message, transfer),
  () => startWorkerBackend(),
);

scope.addEventListener('message', (event) => {
  void handle(event.data);
});
