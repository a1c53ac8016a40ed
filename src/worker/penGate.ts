/**
 * Training gives way to the pen: while the pen is down on the drawing pad, the worker waits
 * about a frame after each batch, so the page (which draws the stroke and runs the maps on
 * the same cores) keeps its frame rate; once the pen lifts, batches follow each other at
 * full speed again.
 */

/** How long the worker waits after a batch while the pen is down (about one frame at 60 Hz). */
export const PEN_DOWN_WAIT_MS = 16;

export class PenGate {
  private down = false;

  constructor(private readonly waitMs = PEN_DOWN_WAIT_MS) {}

  /** True while the pen is down. */
  get isDown(): boolean {
    return this.down;
  }

  set(down: boolean): void {
    this.down = down;
  }

  /** Resolves at once while the pen is up; after `waitMs` while it is down. */
  pass(): Promise<void> {
    if (!this.down) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, this.waitMs));
  }
}
