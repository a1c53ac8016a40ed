import * as tf from '@tensorflow/tfjs';
import { chooseBackend, fallBackToCpu, liveTensorCount, stopPollingLostWebGl, watchContextLoss, webglContextLost, type BackendInfo } from './backend';
import { computeLayerOutputs, type LayerOutput } from './activations';
import { setEdgeFilterKernels, type FirstLayerStart } from './initFilters';
import { readFirstLayerKernels, type FirstLayerKernels } from './firstLayer';
import { buildModel } from './build';
import type { Guard } from './guard';
import { deserialiseModel, loadModelFromUrl, serialiseModel, PRETRAINED_MODEL_URL } from './io';
import { predictDigits, type PredictDigitsOptions } from './predictDigits';
import type { ModelPackage } from './modelFiles';
import { PlainNetwork } from './plainForward';
import { DEFAULT_SPEC, type ModelSpec } from './spec';
import { trainModel, type TrainCallbacks, type TrainOptions, type TrainResult } from './train';
import { TrainingAbandoned, TrainingControl } from './trainingControl';
import type { TrainingData } from './trainingData';
import { restoreWeights, snapshotWeights, type WeightSnapshot } from './weights';

/** Which model the visualiser shows. */
export type ModelInView = 'pretrained' | 'trained';

/** What happened when the WebGL context was lost (the UI tells the user). */
export interface ContextLossReport {
  /** A training run was going on; it was stopped. */
  readonly runStopped: boolean;
  /** The trained model was rebuilt on the CPU with its weights from the end of this epoch. */
  readonly keptEpoch: number | null;
  /** The trained model had no saved epoch yet, so it was dropped (the pretrained one is shown). */
  readonly trainedDiscarded: boolean;
}

/** What the UI shows of the session. */
export interface SessionStatus {
  readonly backend: BackendInfo;
  readonly inView: ModelInView;
  readonly hasTrained: boolean;
  readonly training: boolean;
  readonly spec: ModelSpec;
  /** The name of the trained model when it was loaded or uploaded; null when trained here. */
  readonly trainedName: string | null;
  /** The trained model's accuracy on the held-out digits (0..1), when known. */
  readonly trainedAccuracy: number | null;
  /** Changes whenever another trained model takes the place of the previous one. */
  readonly trainedVersion: number;
  /** The trained model's architecture; null when there is no trained model. */
  readonly trainedSpec: ModelSpec | null;
  /** Bumped when the models were replaced underneath the views (after a context loss): re-run them. */
  readonly revision: number;
  readonly contextLoss: ContextLossReport | null;
}

const CONTEXT_LOST = 'The WebGL context was lost.';
const LOST = Symbol('context lost');

function createSignal(): { readonly fired: Promise<typeof LOST>; readonly fire: () => void } {
  let fire = () => {};
  const fired = new Promise<typeof LOST>((resolve) => {
    fire = () => resolve(LOST);
  });
  return { fired, fire };
}

/** A plain-JavaScript copy of a model for single-image passes; null when its weights do not fit the spec. */
function plainCopy(spec: ModelSpec, snapshot: WeightSnapshot): PlainNetwork | null {
  try {
    return PlainNetwork.create(spec, snapshot.weights);
  } catch {
    return null;
  }
}

/** Frees a model whose backend may be dead (its textures are gone already; only the counts remain). */
function disposeQuietly(model: tf.LayersModel): void {
  try {
    model.dispose();
  } catch {
    // A model on a lost context may fail to free GPU memory that no longer exists.
  }
}

/** A training request from the UI. */
export interface TrainRequest {
  readonly spec: ModelSpec;
  /**
   * Start from random weights, from a copy of the pretrained model (same spec only), or
   * from a copy of the current trained model (trained here, loaded or uploaded; its own
   * spec, whatever `spec` says).
   */
  readonly start: 'scratch' | 'pretrained' | 'current';
  /**
   * With `start: 'scratch'`: conv1 starts random (the default), or its first four kernels
   * start as the article's edge filters, trained further or frozen for the whole run.
   */
  readonly firstLayer?: FirstLayerStart;
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
  private trainedName: string | null = null;
  private trainedAccuracy: number | null = null;
  private trainedVersion = 0;
  /** Plain-JavaScript copies of the models' current weights, for {@link inspectNow}; null when out of date. */
  private plainTrained: PlainNetwork | null = null;
  private inView: ModelInView = 'pretrained';
  private training: TrainingControl | null = null;
  private lastGood: WeightSnapshot | null = null;
  private lastGoodEpoch = 0;
  /** Bumped when the WebGL context is lost: results computed before that cannot be trusted. */
  private generation = 0;
  private loss = createSignal();
  private recovering: Promise<void> = Promise.resolve();
  private failure: string | null = null;
  private revision = 0;
  private contextLoss: ContextLossReport | null = null;
  private stopWatching: () => void = () => {};
  private readonly listeners = new Set<(status: SessionStatus) => void>();

  private constructor(
    private backend: BackendInfo,
    private pretrained: tf.LayersModel,
    private readonly pretrainedUrl: string,
    private readonly plainPretrained: PlainNetwork | null,
  ) {
    this.stopWatching = watchContextLoss(() => this.onContextLost());
  }

  /** Chooses the backend, loads the shipped model and warms it up (compiles the shaders). */
  static async open(pretrainedUrl = PRETRAINED_MODEL_URL): Promise<ModelSession> {
    const backend = await chooseBackend();
    const model = await loadModelFromUrl(pretrainedUrl);
    await computeLayerOutputs(model, new Float32Array(784));
    return new ModelSession(backend, model, pretrainedUrl, plainCopy(DEFAULT_SPEC, await snapshotWeights(model)));
  }

  get status(): SessionStatus {
    return {
      backend: this.backend,
      inView: this.inView,
      hasTrained: this.trained !== null,
      training: this.training !== null,
      spec: this.inView === 'trained' && this.trainedSpec ? this.trainedSpec : DEFAULT_SPEC,
      trainedName: this.trainedName,
      trainedAccuracy: this.trainedAccuracy,
      trainedVersion: this.trainedVersion,
      trainedSpec: this.trainedSpec,
      revision: this.revision,
      contextLoss: this.contextLoss,
    };
  }

  /** Calls `listener` whenever the status changes; returns the unsubscribe function. */
  subscribe(listener: (status: SessionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Every layer's output for one 28x28 image (784 values in 0..1), from the model in view.
   * Rejects, rather than returning zeros or waiting for ever, when the WebGL context is
   * lost during the pass; the status's `revision` then changes once the models are back.
   */
  async inspect(image: Float32Array): Promise<LayerOutput[]> {
    await this.recovering;
    if (this.failure) throw new Error(this.failure);
    const generation = this.generation;
    const layers = await computeLayerOutputs(this.modelInView(), image, this.untilContextLoss);
    if (generation !== this.generation || webglContextLost()) throw new Error(CONTEXT_LOST);
    return layers;
  }

  /**
   * Every layer's output for one image, computed at once in plain JavaScript from a CPU copy
   * of the model in view (the same numbers as {@link inspect}, in about a millisecond, with
   * no GPU round trip). Null when there is no up-to-date copy: while the model in view is
   * training, before its copy is made, or when the session failed; use `inspect` then.
   */
  inspectNow(image: Float32Array): LayerOutput[] | null {
    if (this.failure) return null;
    const plain = this.inView === 'trained' && this.trained ? (this.training ? null : this.plainTrained) : this.plainPretrained;
    return plain ? plain.run(image) : null;
  }

  /** The predicted class of each of `count` byte digits (784 bytes each), from the model in view. */
  async predictDigits(pixels: Uint8Array, count: number, options?: PredictDigitsOptions): Promise<Int32Array> {
    return predictDigits(this.modelInView(), pixels, count, options);
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
    const done = (async (): Promise<TrainResult> => {
      try {
        await this.recovering;
        const generation = this.generation;
        // Numbers read while the context was being lost are zeros, not results: drop them.
        const trusted = () => generation === this.generation && !webglContextLost();
        const { model, spec } = await control.guard(this.startingModel(request));
        this.replaceTrained(model, spec);
        this.lastGood = null;
        this.lastGoodEpoch = 0;
        this.inView = 'trained';
        this.emit();
        const options = request.start === 'scratch' && request.firstLayer === 'edge-frozen' ? { ...request.options, frozenLayers: ['conv1'] } : request.options;
        return await trainModel(model, request.data, options, {
          onBatch: (metrics) => (trusted() ? callbacks.onBatch?.(metrics) : undefined),
          onEpoch: async (metrics, snapshot) => {
            if (!trusted()) return;
            this.lastGood = snapshot;
            this.trainedAccuracy = metrics.heldOutAccuracy;
            this.lastGoodEpoch = metrics.epoch;
            await callbacks.onEpoch?.(metrics, snapshot);
          },
        }, control);
      } catch (error) {
        if (error instanceof TrainingAbandoned) return { status: 'stopped', epochsCompleted: 0, history: [], lastSnapshot: null };
        throw error;
      } finally {
        if (this.training === control) this.training = null;
        await this.copyTrainedToPlain();
        this.emit();
      }
    })();
    this.emit();
    return { control, done };
  }

  /**
   * Makes `model` (loaded or uploaded; the session owns it from now on) the trained model
   * and shows it, so predictions, the network view and further training use it. The
   * previous trained model is disposed; the pretrained model stays and can be shown again.
   */
  async adopt(model: tf.LayersModel, spec: ModelSpec, info: { name: string; heldOutAccuracy: number | null }): Promise<void> {
    if (this.training) {
      model.dispose();
      throw new Error('Stop the training run before loading a model.');
    }
    const snapshot = await snapshotWeights(model);
    this.replaceTrained(model, spec);
    this.lastGood = snapshot;
    this.trainedName = info.name;
    this.trainedAccuracy = info.heldOutAccuracy;
    this.plainTrained = plainCopy(spec, snapshot);
    this.inView = 'trained';
    this.emit();
  }

  /** The trained model as model.json + weights, with its spec; null when there is none. */
  async packageTrained(): Promise<{ pkg: ModelPackage; spec: ModelSpec } | null> {
    if (!this.trained || !this.trainedSpec) return null;
    const { modelJson, weights } = await serialiseModel(this.trained);
    return { pkg: { modelJson, weights }, spec: this.trainedSpec };
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
    this.lastGoodEpoch = 0;
    this.inView = 'pretrained';
    this.emit();
  }

  /** A guard that gives up on a read when the WebGL context is lost (it would never settle). */
  private readonly untilContextLoss: Guard = async (work) => {
    const result = await Promise.race([work, this.loss.fired]);
    if (result === LOST) throw new Error(CONTEXT_LOST);
    return result;
  };

  private modelInView(): tf.LayersModel {
    return this.inView === 'trained' && this.trained ? this.trained : this.pretrained;
  }

  private async startingModel(request: TrainRequest): Promise<{ model: tf.LayersModel; spec: ModelSpec }> {
    if (request.start === 'scratch') {
      const model = buildModel(request.spec, { seed: request.options.seed });
      if (request.firstLayer === 'edge-trainable' || request.firstLayer === 'edge-frozen') {
        try {
          setEdgeFilterKernels(model);
        } catch (error) {
          model.dispose();
          throw error;
        }
      }
      return { model, spec: request.spec };
    }
    if (request.start === 'current') {
      if (!this.trained || !this.trainedSpec) throw new Error('There is no trained model to continue from.');
      return { model: await deserialiseModel(await serialiseModel(this.trained)), spec: this.trainedSpec };
    }
    return { model: await deserialiseModel(await serialiseModel(this.pretrained)), spec: request.spec };
  }

  /** Makes the plain copy of the trained model's weights as they are now (after a run). */
  private async copyTrainedToPlain(): Promise<void> {
    this.plainTrained = null;
    // After a context loss, wait for the models rebuilt on the CPU (a lost model never reads back).
    await this.recovering;
    const model = this.trained;
    const spec = this.trainedSpec;
    if (!model || !spec || this.training) return;
    const generation = this.generation;
    try {
      const snapshot = await this.untilContextLoss(snapshotWeights(model));
      if (this.trained === model && generation === this.generation && !webglContextLost()) this.plainTrained = plainCopy(spec, snapshot);
    } catch {
      // The context was lost meanwhile: recovery makes the copy from the last good epoch.
    }
  }

  private replaceTrained(model: tf.LayersModel | null, spec: ModelSpec | null): void {
    if (this.trained && this.trained !== model) this.trained.dispose();
    this.plainTrained = null;
    this.trained = model;
    this.trainedSpec = spec;
    this.trainedName = null;
    this.trainedAccuracy = null;
    this.trainedVersion++;
  }

  /**
   * The GPU is gone, and every tensor on it with it (a lost context cannot be read back).
   * Abandons the run and any pass in flight, then rebuilds on the CPU: the pretrained
   * model from its files, the trained one from its architecture and the CPU snapshot of
   * its last completed epoch (or drops it when no epoch completed).
   */
  private onContextLost(): void {
    this.generation++;
    const runStopped = this.training !== null;
    this.training?.abandon(CONTEXT_LOST);
    this.loss.fire();
    this.loss = createSignal();
    stopPollingLostWebGl();
    this.recovering = this.recoverFromContextLoss(runStopped).catch((error: unknown) => {
      this.failure = `The network could not be rebuilt on the CPU: ${error instanceof Error ? error.message : String(error)}`;
      this.emit();
    });
  }

  private async recoverFromContextLoss(runStopped: boolean): Promise<void> {
    this.backend = await fallBackToCpu('contextLost');
    const lostPretrained = this.pretrained;
    this.pretrained = await loadModelFromUrl(this.pretrainedUrl);
    disposeQuietly(lostPretrained);
    let keptEpoch: number | null = null;
    let trainedDiscarded = false;
    const lostTrained = this.trained;
    if (lostTrained) {
      if (this.lastGood) {
        // The topology only (no tensor is read), with fresh weights on the CPU, then the snapshot.
        const rebuilt = await tf.models.modelFromJSON({ modelTopology: lostTrained.toJSON(null, false) });
        restoreWeights(rebuilt, this.lastGood);
        this.trained = rebuilt;
        this.plainTrained = this.trainedSpec ? plainCopy(this.trainedSpec, this.lastGood) : null;
        keptEpoch = this.lastGoodEpoch;
      } else {
        this.trained = null;
        this.plainTrained = null;
        this.trainedSpec = null;
        this.trainedName = null;
        this.trainedAccuracy = null;
        this.trainedVersion++;
        this.inView = 'pretrained';
        trainedDiscarded = true;
      }
      disposeQuietly(lostTrained);
    }
    this.contextLoss = { runStopped, keptEpoch, trainedDiscarded };
    this.revision++;
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
