/**
 * A bench worker: ConvLens's training loop on the backend the app's training worker chooses
 * on this kind of machine (`startWorkerBackend`: wasm, else the CPU), from the same kind of request (topology, weights,
 * digits, the Train button's options), with nobody on the page listening until the run ends.
 * `via: 'loop'` calls `trainModel` alone, taking a timestamp after every batch; `via:
 * 'handler'` runs the app worker's own handler and posts its messages as it does (the page
 * ignores them), timing its batch messages as they leave.
 */
import * as tf from '@tensorflow/tfjs';
import '../../src/model/minPooling';
import { trainModel } from '../../src/model/train';
import { TrainingControl } from '../../src/model/trainingControl';
import { restoreWeights } from '../../src/model/weights';
import type { WorkerMessage } from '../../src/worker/protocol';
import { createTrainHandler } from '../../src/worker/trainHandler';
import { startWorkerBackend, type WorkerBackendState } from '../../src/worker/workerBackend';
import type { ProgressSample } from './rateWindow';
import type { LoopRequest, WorkerRunAnswer } from './workerProtocol';

interface Scope {
  postMessage(message: WorkerRunAnswer | WorkerMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LoopRequest>) => void): void;
}
const scope = self as unknown as Scope;

/** `trainModel` alone, stopped at the first batch that reaches `stopAt` examples. */
async function bareLoop(request: LoopRequest): Promise<ProgressSample[]> {
  const model = await tf.models.modelFromJSON({ modelTopology: request.topology as tf.io.ModelJSON['modelTopology'] });
  try {
    restoreWeights(model, request.weights);
    const control = new TrainingControl();
    const samples: ProgressSample[] = [[performance.now(), 0]];
    await trainModel(
      model,
      request.data,
      request.options,
      {
        onBatch: (m) => {
          samples.push([performance.now(), m.examplesSeen]);
          if (m.examplesSeen >= request.stopAt) control.stop();
        },
      },
      control,
    );
    return samples;
  } finally {
    model.dispose();
  }
}

/** The app worker's handler, its messages posted to the page as in the app, until its run ends. */
function throughHandler(request: LoopRequest, backend: WorkerBackendState): Promise<ProgressSample[]> {
  const id = 1;
  const samples: ProgressSample[] = [[performance.now(), 0]];
  return new Promise((resolve, reject) => {
    const handle = createTrainHandler(
      (message, transfer = []) => {
        scope.postMessage(message, transfer);
        if (message.type === 'batch') {
          const seen = message.metrics[message.metrics.length - 1].examplesSeen;
          samples.push([performance.now(), seen]);
          if (seen >= request.stopAt) void handle({ type: 'control', id, action: 'stop' });
        } else if (message.type === 'done') resolve(samples);
        else if (message.type === 'error') reject(new Error(message.message));
      },
      // The backend this worker started, as a remembered choice would give it.
      { pick: () => Promise.resolve({ ...backend, trial: null, measuredNow: false }), webglLost: () => undefined },
    );
    const { topology, weights, data, options } = request;
    void handle({ type: 'train', id, topology, weights, data, options, backend: { remembered: null, remeasure: false } });
  });
}

async function run(request: LoopRequest): Promise<WorkerRunAnswer> {
  const backend = await startWorkerBackend();
  const before = tf.memory().numTensors;
  const samples = request.via === 'loop' ? await bareLoop(request) : await throughHandler(request, backend);
  return { type: 'result', samples, backend: backend.backend, fallback: backend.fallback, tensors: { before, after: tf.memory().numTensors } };
}

scope.addEventListener('message', (event) => {
  run(event.data).then(
    (answer) => scope.postMessage(answer),
    (error: unknown) => scope.postMessage({ type: 'failure', message: error instanceof Error ? error.message : String(error) }),
  );
});
