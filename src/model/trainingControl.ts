import { untilAborted } from '../core/abort';

/** Where a training run stands. */
export type TrainingState = 'running' | 'paused' | 'stopped';

/**
 * Why a guarded wait ended early: the run was abandoned because its backend died (a lost
 * WebGL context never answers a pending read, so waiting for it would hang for ever).
 */
export class TrainingAbandoned extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TrainingAbandoned';
  }
}

/**
 * The controls of a training run: the UI calls `pause`, `resume` and `stop`; the training
 * loop calls {@link TrainingControl.proceed} between batches. Stopping is final but orderly
 * (a stopped run ends after its current batch, reports it and frees its tensors); a new run
 * needs a new control. Abandoning is the hard cancel: an `AbortController` whose signal ends
 * every guarded wait at once.
 */
export class TrainingControl {
  private current: TrainingState = 'running';
  private wake: (() => void) | null = null;
  private readonly listeners = new Set<(state: TrainingState) => void>();
  private readonly abandoner = new AbortController();

  get state(): TrainingState {
    return this.current;
  }

  pause(): void {
    if (this.current === 'running') this.set('paused');
  }

  resume(): void {
    if (this.current === 'paused') this.set('running');
  }

  stop(): void {
    if (this.current !== 'stopped') this.set('stopped');
  }

  /**
   * Stops the run for good because its backend is gone: every wait passed through
   * {@link TrainingControl.guard} rejects at once with a {@link TrainingAbandoned}, so the
   * loop unwinds (and frees what it can) instead of waiting for reads that never come.
   */
  abandon(reason: string): void {
    if (this.abandoner.signal.aborted) return;
    this.stop();
    this.abandoner.abort(new TrainingAbandoned(reason));
  }

  /** True once {@link TrainingControl.abandon} was called. */
  get isAbandoned(): boolean {
    return this.abandoner.signal.aborted;
  }

  /** Aborted (its reason a {@link TrainingAbandoned}) when the run is abandoned. */
  get signal(): AbortSignal {
    return this.abandoner.signal;
  }

  /** Settles like `work`, unless the run is abandoned first: then rejects with {@link TrainingAbandoned}. */
  guard<T>(work: Promise<T>): Promise<T> {
    return untilAborted(work, this.abandoner.signal);
  }

  /** Calls `listener` on every state change; returns the function that unsubscribes it. */
  subscribe(listener: (state: TrainingState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when the run may go on: true while running, false once stopped; waits while paused. */
  async proceed(): Promise<boolean> {
    while (this.current === 'paused') {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    return this.current === 'running';
  }

  private set(state: TrainingState): void {
    this.current = state;
    const wake = this.wake;
    this.wake = null;
    wake?.();
    this.listeners.forEach((listener) => listener(state));
  }
}
