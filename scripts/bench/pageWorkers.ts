/**
 * The bench page's side of its training workers: ConvLens's loop as the Train button runs
 * it, but in a bench worker with nobody listening (loopWorker.ts), and convnetjs in a worker
 * (convnetWorker.ts). Each figure starts a fresh worker, sends one request, reads one answer
 * and ends the worker; the rate is taken over the same window of examples as the Train
 * button's.
 */
import { GRADIENT_EVERY } from '../../src/components/training/GradientPanel';
import { trainRequestOf } from '../../src/components/training/trainRequest';
import { buildModel } from '../../src/model/build';
import { DEFAULT_SPEC } from '../../src/model/spec';
import { snapshotWeights } from '../../src/model/weights';
import { snapshotBuffers } from '../../src/worker/protocol';
import { DEFAULT_RUN } from '../../src/state/runSettings';
import type { ConvnetRun } from './convnetLoop';
import { benchData, trainingSubset } from './pageTfjs';
import type { Throughput, ThroughputConfig } from './protocol';
import { windowThroughput } from './rateWindow';
import type { LoopRequest, WorkerRunAnswer, WorkerRunResult } from './workerProtocol';

/** A rate measured in a worker, with the backend it ran on (null for convnetjs) and its tensors before and after. */
export type WorkerThroughput = Throughput & Pick<WorkerRunResult, 'backend' | 'fallback' | 'tensors'>;

/** The examples window of a rate: from `from` examples seen to `to`. */
export interface ExampleWindow {
  readonly from: number;
  readonly to: number;
}

/** Sends `request` to `worker`, resolves with its answer (any other message is left unread), and ends the worker. */
function askWorker(worker: Worker, request: unknown, transfer: Transferable[]): Promise<WorkerRunResult> {
  const answer = new Promise<WorkerRunResult>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<WorkerRunAnswer | { type: string }>) => {
      const data = event.data;
      if (data.type === 'result') resolve(data as WorkerRunResult);
      else if (data.type === 'failure') reject(new Error(`bench worker: ${(data as { message: string }).message}`));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`bench worker: ${event.message || 'it failed to start'}`));
    });
    worker.postMessage(request, transfer);
  });
  return answer.finally(() => worker.terminate());
}

function figure(result: WorkerRunResult, window: ExampleWindow): WorkerThroughput {
  const { backend, fallback, tensors } = result;
  return { ...windowThroughput(result.samples, window.from, window.to), backend, fallback, tensors };
}

/**
 * ConvLens's loop in a fresh bench worker with the Train button's default run (DEFAULT_RUN on
 * DEFAULT_SPEC from scratch, its options built by the panel's own `trainRequestOf`, seed 1),
 * stopped once it reaches `window.to` examples. `via` as in LoopRequest.
 */
export async function workerLoopThroughput(via: LoopRequest['via'], window: ExampleWindow): Promise<WorkerThroughput> {
  const data = await benchData();
  const request = trainRequestOf({ settings: DEFAULT_RUN, spec: DEFAULT_SPEC, firstLayer: 'random', data, gradientEvery: GRADIENT_EVERY, seed: 1 });
  const model = buildModel(request.spec, { seed: 1 });
  const topology = model.toJSON(null, false) as object;
  const weights = await snapshotWeights(model);
  model.dispose();
  const message: LoopRequest = { via, topology, weights, data, options: request.options, stopAt: window.to };
  const worker = new Worker(new URL('./loopWorker.ts', import.meta.url), { type: 'module', name: `convlens-bench-${via}` });
  return figure(await askWorker(worker, message, snapshotBuffers(weights)), window);
}

/** convnetjs in a fresh worker: the default network, `config.examples` digits (the page figure's subset), batch `config.batchSize`. */
export async function workerConvnetThroughput(config: ThroughputConfig, maxSeconds: number, window: ExampleWindow): Promise<WorkerThroughput> {
  const data = await benchData();
  const { images, labels } = trainingSubset(data.train, config.examples, 7);
  const run: ConvnetRun = { images, labels, batchSize: config.batchSize, examples: config.examples, maxSeconds };
  const worker = new Worker(new URL('./convnetWorker.ts', import.meta.url), { type: 'module', name: 'convlens-bench-convnetjs' });
  return figure(await askWorker(worker, run, [images.buffer, labels.buffer]), window);
}
