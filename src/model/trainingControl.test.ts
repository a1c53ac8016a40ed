import { describe, expect, it } from 'vitest';
import { TrainingAbandoned, TrainingControl } from './trainingControl';

describe('TrainingControl', () => {
  it('passes a guarded wait through while the run lives', async () => {
    const control = new TrainingControl();
    await expect(control.guard(Promise.resolve(42))).resolves.toBe(42);
    await expect(control.guard(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    control.stop();
    await expect(control.guard(Promise.resolve(7))).resolves.toBe(7);
  });

  it('ends a wait that would never end when the run is abandoned, and stops the run', async () => {
    const control = new TrainingControl();
    const states: string[] = [];
    control.subscribe((s) => states.push(s));
    const forever = control.guard(new Promise<number>(() => {}));
    control.abandon('The WebGL context was lost.');
    await expect(forever).rejects.toBeInstanceOf(TrainingAbandoned);
    await expect(forever).rejects.toThrow('The WebGL context was lost.');
    expect(control.state).toBe('stopped');
    expect(control.isAbandoned).toBe(true);
    expect(states).toEqual(['stopped']);
    expect(await control.proceed()).toBe(false);
    await expect(control.guard(Promise.resolve(1))).rejects.toBeInstanceOf(TrainingAbandoned);
  });

  it('wakes a paused run when it is abandoned', async () => {
    const control = new TrainingControl();
    control.pause();
    const waiting = control.proceed();
    control.abandon('gone');
    expect(await waiting).toBe(false);
  });
});
