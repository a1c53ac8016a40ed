/** Where a training run stands. */
export type TrainingState = 'running' | 'paused' | 'stopped';

/**
 * The cancel token of a training run: the UI calls `pause`, `resume` and `stop`; the
 * training loop calls {@link TrainingControl.proceed} between batches. Stopping is final
 * (a stopped run ends after its current batch and frees its tensors); a new run needs a
 * new control.
 */
export class TrainingControl {
  private current: TrainingState = 'running';
  private wake: (() => void) | null = null;
  private readonly listeners = new Set<(state: TrainingState) => void>();

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
