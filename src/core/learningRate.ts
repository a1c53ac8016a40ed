/** 'cosine' lowers the learning rate smoothly, batch by batch, to `finalLearningRateFactor` of it. */
export type LearningRateSchedule = 'constant' | 'cosine';

/** How a run's learning rate changes as it goes. */
export interface LearningRatePlan {
  readonly schedule: LearningRateSchedule;
  /** The learning rate at the start (and throughout, with the constant schedule). */
  readonly learningRate: number;
  /** With the cosine schedule, the last learning rate as a fraction of the first. */
  readonly finalLearningRateFactor: number;
}

/**
 * The learning rate at `progress` (0 at the start of the run, 1 at its end): the same
 * throughout, or half a cosine wave from the first rate down to its final fraction.
 */
export function learningRateAt(plan: LearningRatePlan, progress: number): number {
  if (plan.schedule === 'constant') return plan.learningRate;
  const floor = plan.learningRate * plan.finalLearningRateFactor;
  return floor + 0.5 * (plan.learningRate - floor) * (1 + Math.cos(Math.PI * progress));
}
