import * as tf from '@tensorflow/tfjs';
import { chooseBackend, fallBackToCpu, liveTensorCount, watchContextLoss, type BackendInfo } from './backend';
import { computeLayerOutputs, type LayerOutput } from './activations';
import { readFirstLayerKernels, type FirstLayerKernels } from './firstLayer';
import { buildModel } from './build';
import { deserialiseModel, loadModelFromUrl, serialiseModel, PRETRAINED_MODEL_URL } from './io';
import { DEFAULT_SPEC, type ModelSpec } from './spec';
import { trainModel, type TrainCallbacks, type TrainOptions, type TrainResult } from './train';
import { TrainingControl } from './trainingControl';
import type { TrainingData } from './trainingData';
import { restoreWeights, type WeightSnapshot } from './weights';

/** Which model the visualiser shows. */
export type ModelInView = 'pretrained' | 'trained';

/** What the UI shows of the session. */
export interface SessionStatus {
  readonly backend: BackendInfo;
  readonly inView: ModelInView;
  readonly hasTrained: boolean;
  readonly training: boolean;
  readonly spec: ModelSpec;
}

/** A training request from the UI. */
export interface TrainRequest {
  readonly spec: ModelSpec;
  /** Start from random weights, or from a copy of the pretrained model (same spec only). */
  readonly start: 'scratch' | 'pretrained';
  readonly options: Partial<TrainOptions>;
  readonly data: TrainingData;
}

export interface TrainingHandle {
  readonly control: TrainingControl;
  readonly done: Promise<TrainResult>;
}

/**
 * The one object the UI holds to use tfjs: backend choice and fallback, the pretrained
 * model, the model in view, inspection of every layer for one input, and training runs.
 * Everything crossing this boundary is plain data (Float32Array + shapes).
 */
export class ModelSession {
  private trained: tf.LayersModel | null = null;
  private trainedSpec: ModelSpec | null = null;
  private inView: ModelInView = 'pretrained';
  private training: TrainingControl | null = null;
  private lastGood: WeightSnapshot | null = null;
  private stopWatching: () => void = () => {};
  private readonly listeners = new Set<(status: SessionStatus) => void>();

  private constructor(
    private backend: BackendInfo,
    private pretrained: tf.LayersModel,
    private readonly pretrainedUrl: string,
  ) {
    this.stopWatching = watchContextLoss(() => void this.recoverFromContextLoss());
  }

  /** Chooses the backend, loads the shipped model and warms it up (compiles the shaders). */
  static async open(pretrainedUrl = PRETRAINED_MODEL_URL): Promise<ModelSession> {
    const backend = await chooseBackend();
    const model = await loadModelFromUrl(pretrainedUrl);
    await computeLayerOutputs(model, new Float32Array(784));
    return new ModelSession(backend, model, pretrainedUrl);
  }

  get status(): SessionStatus {
    return {
      backend: this.backend,
      inView: this.inView,
      hasTrained: this.trained !== null,
      training: this.training !== null,
      spec: this.inView === 'trained' && this.trainedSpec ? this.trainedSpec : DEFAULT_SPEC,
    };
  }

  /** Calls `listener` whenever the status changes; returns the unsubscribe function. */
  subscribe(listener: (status: SessionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every layer's output for one 28x28 image (784 values in 0..1), from the model in view. */
  async inspect(image: Float32Array): Promise<LayerOutput[]> {
    return computeLayerOutputs(this.modelInView(), image);
  }

  /** The first convolution layer's kernels and biases of the model in view, as plain arrays. */
  async firstLayerKernels(): Promise<FirstLayerKernels> {
    return readFirstLayerKernels(this.modelInView());
  }

  /** Number of live tfjs tensors (shown in the UI, checked by the tests). */
  tensorCount(): number {
    return liveTensorCount();
  }

  /**
   * Starts a training run whose model becomes the model in view, so the maps follow it as
   * it learns. Any previous trained model is disposed first.
   */
  startTraining(request: TrainRequest, callbacks: TrainCallbacks): TrainingHandle {
    if (this.training) throw new Error('A training run is already going on.');
    const control = new TrainingControl();
    this.training = control;
    const done = (async () => {
      try {
        const model = await this.startingModel(request);
        this.replaceTrained(model, request.spec);
        this.inView = 'trained';
        this.emit();
        return await trainModel(model, request.data, request.options, {
          onBatch: callbacks.onBatch,
          onEpoch: async (metrics, snapshot) => {
            this.lastGood = snapshot;
            await callbacks.onEpoch?.(metrics, snapshot);
          },
        }, control);
      } finally {
        this.training = null;
        this.emit();
      }
    })();
    this.emit();
    return { control, done };
  }

  /** Shows the pretrained or the trained model in the visualiser. */
  show(which: ModelInView): void {
    if (which === 'trained' && !this.trained) return;
    this.inView = which;
    this.emit();
  }

  /** Frees the trained model (after stopping any run) and goes back to the pretrained one. */
  async resetTraining(): Promise<void> {
    if (this.training) throw new Error('Stop the training run before resetting.');
    this.replaceTrained(null, null);
    this.lastGood = null;
    this.inView = 'pretrained';
    this.emit();
  }

  private modelInView(): tf.LayersModel {
    return this.inView === 'trained' && this.trained ? this.trained : this.pretrained;
  }

  private async startingModel(request: TrainRequest): Promise<tf.LayersModel> {
    if (request.start === 'scratch') return buildModel(request.spec, { seed: request.options.seed });
    return deserialiseModel(await serialiseModel(this.pretrained));
  }

  private replaceTrained(model: tf.LayersModel | null, spec: ModelSpec | null): void {
    if (this.trained && this.trained !== model) this.trained.dispose();
    this.trained = model;
    this.trainedSpec = spec;
  }

  private async recoverFromContextLoss(): Promise<void> {
    this.training?.stop();
    this.backend = await fallBackToCpu();
    this.pretrained = await loadModelFromUrl(this.pretrainedUrl);
    if (this.trained && this.trainedSpec) {
      const rebuilt = buildModel(this.trainedSpec);
      if (this.lastGood) restoreWeights(rebuilt, this.lastGood);
      this.trained = rebuilt;
    }
    this.emit();
  }

  private emit(): void {
    const status = this.status;
    this.listeners.forEach((l) => l(status));
  }

  /** Frees everything (the page is going away). */
  dispose(): void {
    this.training?.stop();
    this.stopWatching();
    this.replaceTrained(null, null);
    this.pretrained.dispose();
  }
}
