import type * as tf from '@tensorflow/tfjs';
import { stopPollingLostWebGl, watchContextLoss, type BackendInfo } from './backend';
import { computeLayerOutputs, type LayerOutput } from './activations';
import { ContextLossWatch } from './contextLossWatch';
import { readFirstLayerKernels, type FirstLayerKernels } from './firstLayer';
import { serialiseModel, PRETRAINED_MODEL_URL } from './io';
import { predictDigits, type PredictDigitsOptions } from './predictDigits';
import type { ModelPackage } from './modelFiles';
import type { PlainNetwork } from './plainForward';
import { SESSION_ERROR_MESSAGES, SessionError } from './sessionError';
import type { ContextLossReport, ModelInView, SessionOpenOptions, SessionStatus, TrainingHandle, TrainRequest } from './sessionTypes';
import { DEFAULT_SPEC, type ModelSpec } from './spec';
import { startingModel } from './startingModel';
import { trainModel } from './train';
import { openPretrained } from './openPretrained';
import { runCallbacks } from './runCallbacks';
import { RunTarget } from './runTarget';
import { SessionStore } from './sessionStore';
import type { EpochMetrics, TrainCallbacks, Trainer, TrainerInfo, TrainResult } from './trainMetrics';
import { disposeQuietly, plainCopy, rebuildOnCpu, type TrainedModel } from './trainedModel';
import { TrainingAbandoned, TrainingControl } from './trainingControl';
import { snapshotWeights, type WeightSnapshot } from './weights';
import { penDeferred } from '../core/pen';
import type { Image28 } from '../core/grid';
import { gradCam, type GradCam } from './attribution/gradCam';
import { saliency, type Saliency } from './attribution/saliency';
import type { Guard } from './guard';

export type { ContextLossReport, ModelInView, SessionOpenOptions, SessionStatus, TrainingHandle, TrainRequest } from './sessionTypes';
export { SessionError, type SessionErrorCode } from './sessionError';

/**
 * The one object the UI holds to use tfjs: backend choice and fallback, the pretrained
 * model, the model in view, inspection of every layer for one input, and training runs.
 * Everything crossing this boundary is plain data (Float32Array + shapes).
 */
export class ModelSession {
  /** The trained model and all that belongs to it; null when there is none. */
  private trained: TrainedModel | null = null;
  /** See {@link SessionStatus.version}. */
  private version = 1;
  private inView: ModelInView = 'pretrained';
  private training: TrainingControl | null = null;
  /** Where the results of the run going on land (null without a run). */
  private run: RunTarget | null = null;
  private readonly contextLost = new ContextLossWatch();
  private contextLossReport: ContextLossReport | null = null;
  /** What the worker (the trainer) said of itself last; null before its first run. */
  private trainerInfo: TrainerInfo | null = null;
  private readonly stopWatching: () => void;
  /** What the UI follows: the status and the tensor count (see {@link subscribe}). */
  private readonly store: SessionStore<SessionStatus>;

  private constructor(
    private backend: BackendInfo,
    private pretrained: tf.LayersModel,
    private readonly pretrainedUrl: string,
    private readonly plainPretrained: PlainNetwork | null,
    private readonly trainer: Trainer | null,
  ) {
    this.store = new SessionStore(this.currentStatus());
    this.stopWatching = watchContextLoss(() => this.onContextLost());
  }

  /**
   * Chooses the backend, loads the shipped model and warms it up (compiles the shaders).
   * `signal` cancels the opening between its steps: it then rejects with the signal's reason
   * and frees what it had loaded. With a `trainer` (a worker), runs train there; the session
   * owns it once open.
   */
  static async open({ pretrainedUrl = PRETRAINED_MODEL_URL, signal, trainer = null }: SessionOpenOptions = {}): Promise<ModelSession> {
    const { backend, model, plain } = await openPretrained(pretrainedUrl, signal);
    return new ModelSession(backend, model, pretrainedUrl, plain, trainer);
  }

  /** The status now (the same object until it changes; see {@link subscribe}). */
  get status(): SessionStatus {
    return this.store.getSnapshot();
  }

  /** The status for React's `useSyncExternalStore`: the same object until something changes. */
  readonly getSnapshot = (): SessionStatus => this.store.getSnapshot();

  /**
   * The number of live tfjs tensors (shown in the UI, checked by the tests) as last counted,
   * for `useSyncExternalStore`: tfjs has no event for tensors being freed, so the session
   * counts them after every operation that makes or frees them and whenever its status changes.
   */
  readonly getTensorCount = (): number => this.store.getTensorCount();

  /**
   * Calls `listener` whenever the status or the tensor count changes (React's
   * `useSyncExternalStore` protocol); returns the unsubscribe function.
   */
  readonly subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  private currentStatus(): SessionStatus {
    const trained = this.trained;
    const inView = this.inView === 'trained' && trained ? trained : null;
    return {
      backend: this.backend,
      inView: this.inView,
      hasTrained: trained !== null,
      training: this.training !== null,
      spec: inView ? inView.spec : DEFAULT_SPEC,
      trainedName: trained?.name ?? null,
      trainedAccuracy: trained?.accuracy ?? null,
      trainedSpec: trained?.spec ?? null,
      contextLoss: this.contextLossReport,
      version: this.version,
      plain: this.contextLost.hasFailed ? null : inView ? inView.plain : this.plainPretrained,
      trainer: this.trainer ? this.trainerInfo : { backend: this.backend.backend, inWorker: false, workerTensors: null, fallback: null, trial: null },
    };
  }

  /**
   * Every layer's output for one 28x28 image (784 values in 0..1), from the model in view.
   * Rejects, rather than returning zeros or waiting for ever, when the WebGL context is
   * lost during the pass; the status's `version` then changes once the models are back.
   */
  async inspect(image: Float32Array): Promise<LayerOutput[]> {
    await this.contextLost.ready();
    const trusted = this.contextLost.trustFromNow();
    const layers = await this.store.counted(computeLayerOutputs(this.modelInView(), image, this.contextLost.guard));
    if (!trusted()) throw new SessionError('context-lost');
    return layers;
  }

  /**
   * The saliency of class `classIndex` (0-9) for one 28x28 image, from the model in view
   * (one forward and one backward pass in tfjs, on the page's backend; see
   * attribution/saliency.ts). Rejects when the WebGL context is lost during the pass.
   */
  async saliency(image: Image28, classIndex: number): Promise<Saliency> {
    return this.attribute((model) => saliency(model, image, classIndex, this.contextLost.guard));
  }

  /**
   * Grad-CAM of class `classIndex` (0-9) for one 28x28 image on the last convolution block
   * of the model in view; null when it has no convolution (see attribution/gradCam.ts).
   */
  async gradCam(image: Image28, classIndex: number): Promise<GradCam | null> {
    return this.attribute((model) => gradCam(model, image, classIndex, this.contextLost.guard));
  }

  /**
   * Runs one job of filterLooks/ (the ascent of a channel, or every channel's strongest cell
   * over many digits) on the model in view, counting tensors; rejects when the WebGL context
   * is lost meanwhile. The job gets the guard that gives up reads from a lost context.
   */
  async filterLooks<T>(job: (model: tf.LayersModel, guard: Guard) => Promise<T>): Promise<T> {
    return this.attribute((model) => job(model, this.contextLost.guard));
  }

  /** Runs one attribution on the model in view, counting tensors, and refuses results from a context that was lost meanwhile. */
  private async attribute<T>(work: (model: tf.LayersModel) => Promise<T>): Promise<T> {
    await this.contextLost.ready();
    const trusted = this.contextLost.trustFromNow();
    const result = await this.store.counted(work(this.modelInView()));
    if (!trusted()) throw new SessionError('context-lost');
    return result;
  }

  /** The predicted class of each of `count` byte digits (784 bytes each), from the model in view. */
  async predictDigits(pixels: Uint8Array, count: number, options?: PredictDigitsOptions): Promise<Int32Array> {
    return this.store.counted(predictDigits(this.modelInView(), pixels, count, options));
  }

  /** The first convolution layer's kernels and biases of the model in view, as plain arrays. */
  async firstLayerKernels(): Promise<FirstLayerKernels> {
    return this.store.counted(readFirstLayerKernels(this.modelInView()));
  }

  /**
   * Starts a training run whose model becomes the model in view, so the maps follow it as
   * it learns: the status's `version` changes a few times a second while it does (see
   * {@link runCallbacks}). Any previous trained model is disposed first.
   */
  startTraining(request: TrainRequest, callbacks: TrainCallbacks): TrainingHandle {
    if (this.training) throw new SessionError('already-training');
    const control = new TrainingControl();
    this.training = control;
    let following: ReturnType<typeof penDeferred> | null = null;
    let target: RunTarget | null = null;
    const done = (async (): Promise<TrainResult> => {
      try {
        await this.contextLost.settled();
        // Numbers read while the context was being lost are zeros, not results: drop them.
        const trusted = this.contextLost.trustFromNow();
        const { model, spec } = await control.guard(startingModel(request, this.pretrained, this.trained));
        this.setTrained({ model, spec, name: null, accuracy: null, lastGood: null, plain: null });
        this.inView = 'trained';
        this.changed();
        const run = new RunTarget(model, () => this.contextLost.ready());
        target = this.run = run;
        const options = request.start === 'scratch' && request.firstLayer === 'edge-frozen' ? { ...request.options, frozenLayers: ['conv1'] } : request.options;
        // The maps follow the weights, but not in the middle of a stroke: the pen's own
        // updates keep them live, and the new weights show when it lifts.
        following = penDeferred(() => this.changed());
        const follow = following.request;
        const hooks = {
          // A run in its worker reads nothing on the page's GPU: a loss there spoils none of its reports.
          trusted: () => run.handedOver || trusted(),
          running: () => control.state === 'running',
          follow,
          settle: () => this.store.countTensors(),
          keep: (metrics: EpochMetrics, snapshot: WeightSnapshot) => {
            run.saw(snapshot);
            this.updateTrained(run.model, { lastGood: { snapshot, epoch: metrics.epoch }, accuracy: metrics.heldOutAccuracy });
          },
          weights: (snapshot: WeightSnapshot) => {
            run.saw(snapshot);
            this.updateTrained(run.model, { plain: plainCopy(spec, snapshot) });
            follow();
          },
          trainer: (info: TrainerInfo) => {
            this.trainerInfo = info;
            // A run on the page (a worker that could not start) has no plain copy: the maps read its tfjs model.
            if (!info.inWorker) this.updateTrained(run.model, { plain: null });
            this.emit();
          },
          handOver: (start: WeightSnapshot) => run.handOver(start),
          pageModel: () => run.landing(),
        };
        return await (this.trainer?.train ?? trainModel)(model, request.data, options, runCallbacks(callbacks, hooks), control);
      } catch (error) {
        if (error instanceof TrainingAbandoned) return { status: 'stopped', epochsCompleted: 0, history: [], lastSnapshot: null };
        throw error;
      } finally {
        following?.cancel();
        if (this.training === control) this.training = null;
        if (this.run === target) this.run = null;
        await this.copyTrainedToPlain();
        this.changed();
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
      this.store.countTensors();
      throw new SessionError('load-while-training');
    }
    const snapshot = await this.store.counted(snapshotWeights(model));
    this.setTrained({ model, spec, name: info.name, accuracy: info.heldOutAccuracy, lastGood: { snapshot, epoch: 0 }, plain: plainCopy(spec, snapshot) });
    this.inView = 'trained';
    this.changed();
  }

  /** The trained model as model.json + weights, with its spec; null when there is none. */
  async packageTrained(): Promise<{ pkg: ModelPackage; spec: ModelSpec } | null> {
    if (!this.trained) return null;
    const { spec } = this.trained;
    const { modelJson, weights } = await this.store.counted(serialiseModel(this.trained.model));
    return { pkg: { modelJson, weights }, spec };
  }

  /** Shows the pretrained or the trained model in the visualiser. */
  show(which: ModelInView): void {
    if (which === 'trained' && !this.trained) return;
    if (which === this.inView) return;
    this.inView = which;
    this.changed();
  }

  /** Frees the trained model (after stopping any run) and goes back to the pretrained one. */
  async resetTraining(): Promise<void> {
    if (this.training) throw new SessionError('reset-while-training');
    this.setTrained(null);
    this.changed();
  }

  private modelInView(): tf.LayersModel {
    return this.inView === 'trained' && this.trained ? this.trained.model : this.pretrained;
  }

  /**
   * The one place the trained model is replaced or dropped: the previous model is freed
   * (quietly when its backend may be dead), and without a trained model the pretrained one
   * is in view.
   */
  private setTrained(next: TrainedModel | null, disposeOld: (model: tf.LayersModel) => void = (model) => model.dispose()): void {
    const previous = this.trained;
    if (previous && previous.model !== next?.model) disposeOld(previous.model);
    this.trained = next;
    if (!next) this.inView = 'pretrained';
  }

  /** Changes what the session knows of `model`, if it is still the trained model (a new version when `changed`). */
  private updateTrained(model: tf.LayersModel, change: Partial<Omit<TrainedModel, 'model'>>, changed = false): void {
    if (this.trained?.model === model) this.trained = { ...this.trained, ...change };
    if (changed) this.changed();
  }

  /** Makes the plain copy of the trained model's weights as they are now (after a run). */
  private async copyTrainedToPlain(): Promise<void> {
    if (this.trained) this.updateTrained(this.trained.model, { plain: null });
    // After a context loss, wait for the models rebuilt on the CPU (a lost model never reads back).
    await this.contextLost.settled();
    const trained = this.trained;
    // Without a rebuilt model there is nothing to read: the lost one would never answer.
    if (!trained || this.training || this.contextLost.hasFailed) return;
    const trusted = this.contextLost.trustFromNow();
    try {
      const snapshot = await this.contextLost.guard(snapshotWeights(trained.model));
      if (trusted()) this.updateTrained(trained.model, { plain: plainCopy(trained.spec, snapshot) });
    } catch {
      // The context was lost meanwhile: recovery makes the copy from the last good epoch.
    }
  }

  /**
   * The GPU is gone, and every tensor on it with it (a lost context cannot be read back).
   * Gives up any pass in flight, then rebuilds on the CPU: the pretrained model from its
   * files, the trained one from its architecture and CPU copies of its weights. A run handed
   * over to its worker goes on (the worker's backend is not the page's): the trained model is
   * rebuilt from the newest weights of the run and takes the run's results. A run on the page
   * is abandoned: the trained model keeps the weights of its last completed epoch (or is
   * dropped when no epoch completed).
   */
  private onContextLost(): void {
    const goesOn = this.run?.handedOver ? this.run : null;
    const runStopped = this.training !== null && !goesOn;
    if (runStopped) this.training?.abandon(SESSION_ERROR_MESSAGES['context-lost']);
    stopPollingLostWebGl();
    this.contextLost.lost(
      () => this.recoverFromContextLoss(runStopped, goesOn),
      () => this.emit(),
    );
  }

  private async recoverFromContextLoss(runStopped: boolean, goesOn: RunTarget | null): Promise<void> {
    const lost = this.trained;
    const newest = goesOn ? () => goesOn.newest : undefined;
    const { backend, pretrained, trained: rebuilt } = await rebuildOnCpu(this.pretrainedUrl, this.pretrained, lost, newest);
    [this.backend, this.pretrained] = [backend, pretrained];
    // What the run reported during the rebuild went to the lost model's entry: keep it.
    const next = rebuilt && goesOn && this.trained ? { ...this.trained, model: rebuilt.model, plain: this.trained.plain ?? rebuilt.plain } : rebuilt;
    if (lost) this.setTrained(next, disposeQuietly);
    if (next) goesOn?.retarget(next.model);
    this.contextLossReport = {
      runStopped,
      runContinued: goesOn !== null,
      keptEpoch: goesOn ? null : (next?.lastGood?.epoch ?? null),
      trainedDiscarded: lost !== null && next === null,
    };
    this.changed();
  }

  /** The model in view or its weights changed: a new version. */
  private changed(): void {
    this.version++;
    this.emit();
  }

  /** Publishes the status as it is now (and counts the tensors). */
  private emit(): void {
    this.store.publish(this.currentStatus());
  }

  /** Frees everything (the page is going away). */
  dispose(): void {
    this.training?.stop();
    this.stopWatching();
    this.trainer?.dispose();
    this.setTrained(null);
    this.pretrained.dispose();
  }
}
