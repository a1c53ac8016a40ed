/** The digit-map worker: UMAP layouts of the held-out digits off the page's thread (see digitMapHandler.ts). */
import type { DigitMapReply, DigitMapRequest } from './digitMapProtocol';
import { createDigitMapHandler } from './digitMapHandler';

/** What the worker uses of its global scope (the DOM typings describe a window, not a worker). */
interface WorkerScope {
  postMessage(message: DigitMapReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DigitMapRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const handle = createDigitMapHandler((reply) => scope.postMessage(reply));

scope.addEventListener('message', (event) => {
  void handle(event.data);
});
