import type * as tf from '@tensorflow/tfjs';
import type { WeightSnapshot } from './weights';

/**
 * Which page model a training run's results land in, and the newest weights the page has of
 * the run. A run starts with the model it trains. Once the run is handed over to its worker
 * (its weights are there), a loss of the page's WebGL context no longer ends it: the page
 * rebuilds its model on the CPU from the newest weights (`newest`), the run's results land in
 * that model from then on (`retarget`), and whoever waits for the model waits for the
 * rebuild first (`landing`).
 */
export class RunTarget {
  private current: tf.LayersModel;
  private latest: WeightSnapshot | null = null;
  private inWorker = false;

  /** `rebuilt` settles once no rebuild of the page's models is going on, and rejects when the last one failed. */
  constructor(
    model: tf.LayersModel,
    private readonly rebuilt: () => Promise<void>,
  ) {
    this.current = model;
  }

  /** The model the run's results land in now. */
  get model(): tf.LayersModel {
    return this.current;
  }

  /** The run's weights are in its worker: it goes on whatever happens to the page's model. */
  get handedOver(): boolean {
    return this.inWorker;
  }

  /** The newest weights of the run the page has (null before its hand-over or first report). */
  get newest(): WeightSnapshot | null {
    return this.latest;
  }

  /** The run is in its worker now, starting from `start`. */
  handOver(start: WeightSnapshot): void {
    this.inWorker = true;
    this.latest ??= start;
  }

  /** Newer weights of the run arrived (a snapshot, or an epoch's end). */
  saw(snapshot: WeightSnapshot): void {
    this.latest = snapshot;
  }

  /** The page's model was rebuilt: the results land in `model` from now on. */
  retarget(model: tf.LayersModel): void {
    this.current = model;
  }

  /** The model the results land in, once any rebuild is over; rejects when the rebuild failed. */
  async landing(): Promise<tf.LayersModel> {
    await this.rebuilt();
    return this.current;
  }
}
