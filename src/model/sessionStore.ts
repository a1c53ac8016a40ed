import { liveTensorCount } from './backend';

/**
 * What the UI follows of the model session, for React's `useSyncExternalStore`: the status
 * as of its last change (the same object until it changes) and the number of live tfjs
 * tensors, with one set of listeners for both. tfjs has no event for tensors being made or
 * freed, so the tensors are counted again whenever the status changes and after every
 * operation that makes or frees tensors ({@link SessionStore.counted}).
 */
export class SessionStore<Status> {
  private readonly listeners = new Set<() => void>();
  private tensors = liveTensorCount();

  constructor(private snapshot: Status) {}

  /** The status as of its last change. */
  readonly getSnapshot = (): Status => this.snapshot;

  /** The live tfjs tensors, as last counted. */
  readonly getTensorCount = (): number => this.tensors;

  /** Calls `listener` whenever the status or the tensor count changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A new status: keeps it, counts the tensors and tells the listeners. */
  publish(status: Status): void {
    this.snapshot = status;
    this.tensors = liveTensorCount();
    this.listeners.forEach((listener) => listener());
  }

  /** Counts the live tensors, and tells the listeners when the count changed. */
  countTensors(): void {
    const tensors = liveTensorCount();
    if (tensors === this.tensors) return;
    this.tensors = tensors;
    this.listeners.forEach((listener) => listener());
  }

  /** Settles like `work`, then counts the tensors it made or freed (whether it succeeded or not). */
  async counted<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } finally {
      this.countTensors();
    }
  }
}
