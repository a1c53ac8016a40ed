import { webglContextLost } from './backend';
import type { Guard } from './guard';

export const CONTEXT_LOST = 'The WebGL context was lost.';
const LOST = Symbol('context lost');

function createSignal(): { readonly fired: Promise<typeof LOST>; readonly fire: () => void } {
  let fire = () => {};
  const fired = new Promise<typeof LOST>((resolve) => {
    fire = () => resolve(LOST);
  });
  return { fired, fire };
}

/**
 * What the session's work needs to know of WebGL context losses: a guard that gives up on
 * a read the lost context would never answer, and whether results computed since a given
 * moment can still be trusted (numbers read while the context was being lost are zeros).
 */
export class ContextLossWatch {
  /** Bumped at every loss: results computed before it cannot be trusted. */
  private generation = 0;
  private signal = createSignal();

  /** Settles like `work`, or rejects once the context is lost (a lost read never settles). */
  readonly guard: Guard = async (work) => {
    const result = await Promise.race([work, this.signal.fired]);
    if (result === LOST) throw new Error(CONTEXT_LOST);
    return result;
  };

  /** A check that says, later, whether no loss happened since now. */
  trustFromNow(): () => boolean {
    const generation = this.generation;
    return () => generation === this.generation && !webglContextLost();
  }

  /** The context was lost: every guarded wait gives up, and earlier results are not trusted. */
  lost(): void {
    this.generation++;
    this.signal.fire();
    this.signal = createSignal();
  }
}
