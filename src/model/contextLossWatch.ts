import { untilAborted } from '../core/abort';
import { webglContextLost } from './backend';
import type { Guard } from './guard';
import { SessionError } from './sessionError';

/**
 * What the session's work needs to know of WebGL context losses: a guard that gives up on
 * a read the lost context would never answer, and whether results computed since a given
 * moment can still be trusted (numbers read while the context was being lost are zeros).
 * Each stretch between two losses has its own `AbortController`, aborted by the loss.
 */
export class ContextLossWatch {
  private controller = new AbortController();

  /** Settles like `work`, or rejects once the context is lost (a lost read never settles). */
  readonly guard: Guard = (work) => untilAborted(work, this.controller.signal);

  /** A check that says, later, whether no loss happened since now. */
  trustFromNow(): () => boolean {
    const { signal } = this.controller;
    return () => !signal.aborted && !webglContextLost();
  }

  /** The context was lost: every guarded wait gives up, and earlier results are not trusted. */
  lost(): void {
    this.controller.abort(new SessionError('context-lost'));
    this.controller = new AbortController();
  }
}
