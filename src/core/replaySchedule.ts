/**
 * When a training run keeps a copy of its weights for the replay: after batches 1, 2, 4, 8, ...
 * of the first epoch (the powers of two below the epoch's length), when the weights change
 * fastest, and at the end of every epoch.
 */

/** Where in a run a copy of the weights was taken. `epoch` and `batch` are 1-based. */
export interface ReplayPoint {
  readonly epoch: number;
  /** The last batch trained before the copy (`batchesPerEpoch` at the end of an epoch). */
  readonly batch: number;
  readonly batchesPerEpoch: number;
  /** Training digits seen by the run at that point (the loss chart's x). */
  readonly examplesSeen: number;
  /** True for the copy taken at the end of the epoch (after its held-out evaluation). */
  readonly endOfEpoch: boolean;
}

/**
 * True when the weights after batch `batch` of epoch `epoch` are kept although the epoch is
 * not over: a power of two in the first epoch, below `batchesPerEpoch` (its end is kept anyway).
 */
export function isFirstEpochPoint(epoch: number, batch: number, batchesPerEpoch: number): boolean {
  return epoch === 1 && batch >= 1 && batch < batchesPerEpoch && (batch & (batch - 1)) === 0;
}

/** How many copies a run of `epochs` epochs of `batchesPerEpoch` batches takes (before any thinning). */
export function plannedPoints(epochs: number, batchesPerEpoch: number): number {
  let within = 0;
  for (let b = 1; b < batchesPerEpoch; b *= 2) within++;
  return within + epochs;
}
