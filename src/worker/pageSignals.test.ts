import { describe, expect, it } from 'vitest';
import { onPenChange, requestRemeasure, setPenDown, takeRemeasure } from './pageSignals';

describe('what the page tells the training worker', () => {
  it('passes on each change of the pen, once, until unsubscribed', () => {
    const heard: boolean[] = [];
    const stop = onPenChange((down) => heard.push(down));
    setPenDown(true);
    setPenDown(true);
    setPenDown(false);
    stop();
    setPenDown(true);
    setPenDown(false);
    expect(heard).toEqual([true, false]);
  });

  it('asks the next run, and only the next, to measure again', () => {
    expect(takeRemeasure()).toBe(false);
    requestRemeasure();
    expect(takeRemeasure()).toBe(true);
    expect(takeRemeasure()).toBe(false);
  });
});
