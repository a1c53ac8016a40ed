import { describe, expect, it } from 'vitest';
import { isPenDown, onPenChange, penDeferred, setPenDown, whenPenUp } from './pen';

describe('the pen on the drawing pad', () => {
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

  it('runs deferred work at once with the pen up, and once when it lifts after requests while down', () => {
    let runs = 0;
    const work = penDeferred(() => runs++);
    work.request();
    expect(runs).toBe(1);
    setPenDown(true);
    expect(isPenDown()).toBe(true);
    work.request();
    work.request();
    work.request();
    expect(runs).toBe(1);
    setPenDown(false);
    expect(runs).toBe(2);
    // Lifting again with nothing requested does no work.
    setPenDown(true);
    setPenDown(false);
    expect(runs).toBe(2);
  });

  it('drops a waiting call when cancelled', () => {
    let runs = 0;
    const work = penDeferred(() => runs++);
    setPenDown(true);
    work.request();
    work.cancel();
    setPenDown(false);
    expect(runs).toBe(0);
  });

  it('starts work when the pen lifts, and giving it up aborts its signal or drops the waiting call', () => {
    const signals: AbortSignal[] = [];
    const stopAtOnce = whenPenUp((signal) => signals.push(signal));
    expect(signals).toHaveLength(1);
    expect(signals[0].aborted).toBe(false);
    stopAtOnce();
    expect(signals[0].aborted).toBe(true);

    setPenDown(true);
    const stopWaiting = whenPenUp((signal) => signals.push(signal));
    const giveUp = whenPenUp((signal) => signals.push(signal));
    expect(signals).toHaveLength(1);
    giveUp();
    setPenDown(false);
    expect(signals).toHaveLength(2);
    expect(signals[1].aborted).toBe(false);
    stopWaiting();
    expect(signals[1].aborted).toBe(true);
  });
});
