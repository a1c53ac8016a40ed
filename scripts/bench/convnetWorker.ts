/**
 * A bench worker: convnetjs training the default network (convnetLoop.ts) off the page's
 * thread, batch after batch with nothing to yield to, answering once with its samples.
 */
import { trainConvnet, type ConvnetRun } from './convnetLoop';
import type { WorkerRunAnswer } from './workerProtocol';

interface Scope {
  postMessage(message: WorkerRunAnswer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ConvnetRun>) => void): void;
}
const scope = self as unknown as Scope;

scope.addEventListener('message', (event) => {
  trainConvnet(event.data).then(
    (samples) => scope.postMessage({ type: 'result', samples, backend: null, fallback: null, tensors: null }),
    (error: unknown) => scope.postMessage({ type: 'failure', message: error instanceof Error ? error.message : String(error) }),
  );
});
