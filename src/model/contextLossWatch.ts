import { untilAborted } from '../core/abort';
import { webglContextLost } from './backend';
import type { Guard } from './guard';
import { SessionError } from './sessionError';

/**
 * What the session's work needs to know of WebGL context losses: a guard that gives up on
 * a read the lost context would never answer, whether results computed since a given
 * moment can still be trusted (numbers read while the context was being lost are zeros),
 * and when the models are back (rebuilt on the CPU) or could not be rebuilt. Each stretch
 * between two losses has its own `AbortController`, aborted by the loss.
 */
export class ContextLossWatch {
  private controller = new AbortController();
  /** Settles once the models lost with the last context are rebuilt (at once when none was lost). */
  private rebuilt: Promise<void> = Promise.resolve();
  /** Why the models could not be rebuilt; then nothing can be computed any more. */
  private failed: SessionError | null = null;

  /** Settles like `work`, or rejects once the context is lost (a lost read never settles). */
  readonly guard: Guard = (work) => untilAborted(work, this.controller.signal);

  /** A check that says, later, whether no loss happened since now. */
  trustFromNow(): () => boolean {
    const { signal } = this.controller;
    return () => !signal.aborted && !webglContextLost();
  }

  /**
   * The context was lost: every guarded wait gives up, earlier results are not trusted, and
   * `rebuild` brings the models back; when it fails, `onFailure` is told.
   */
  lost(rebuild: () => Promise<void>, onFailure: () => void): void {
    this.controller.abort(new SessionError('context-lost'));
    this.controller = new AbortController();
    this.rebuilt = rebuild().catch((error: unknown) => {
      this.failed = new SessionError('rebuild-failed', { detail: error instanceof Error ? error.message : String(error) });
      onFailure();
    });
  }

  /** Settles once no rebuild is going on (whether the last one worked or not). */
  settled(): Promise<void> {
    return this.rebuilt;
  }

  /** Settles once no rebuild is going on; rejects when the models could not be rebuilt. */
  async ready(): Promise<void> {
    await this.rebuilt;
    if (this.failed) throw this.failed;
  }

  /** The models could not be rebuilt after a loss. */
  get hasFailed(): boolean {
    return this.failed !== null;
  }
}
