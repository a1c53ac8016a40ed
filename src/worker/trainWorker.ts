/**
 * The training worker: tfjs off the page's thread, so drawing never waits for a training
 * step, on the backend a measured trial chose (wasm, WebGL on an OffscreenCanvas, or the
 * CPU; see backendPicker.ts).
 */
import { createBackendPicker } from './backendPicker';
import type { PageMessage, WorkerMessage } from './protocol';
import { createTrainHandler } from './trainHandler';

/** What the worker uses of its global scope (the DOM typings describe a window, not a worker). */
interface WorkerScope {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PageMessage>) => void): void;
}

const scope = self as unknown as WorkerScope;

const handle = createTrainHandler((message, transfer = []) => scope.postMessage(message, transfer), createBackendPicker());

scope.addEventListener('message', (event) => {
  void handle(event.data);
});
