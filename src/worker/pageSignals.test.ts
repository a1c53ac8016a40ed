import { describe, expect, it } from 'vitest';
import { requestRemeasure, takeRemeasure } from './pageSignals';

describe('what the page tells the training worker', () => {
  it('asks the next run, and only the next, to measure again', () => {
    expect(takeRemeasure()).toBe(false);
    requestRemeasure();
    expect(takeRemeasure()).toBe(true);
    expect(takeRemeasure()).toBe(false);
  });
});
