/** One pen stroke on the drawing pad, in pad coordinates normalised to 0..1. */
export interface Stroke {
  /** Brush diameter as a fraction of the pad's width. */
  readonly size: number;
  readonly points: readonly (readonly [number, number])[];
}
