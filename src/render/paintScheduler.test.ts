import { describe, expect, it } from 'vitest';
import { createPaintScheduler } from './paintScheduler';

/** A frame clock driven by the test: `frame()` runs what was asked for the next frame. */
function frames() {
  let queued: (() => void)[] = [];
  return {
    request: (run: () => void) => void queued.push(run),
    frame() {
      const now = queued;
      queued = [];
      now.forEach((run) => run());
    },
    asked: () => queued.length,
  };
}

describe('paint scheduler', () => {
  it('paints nothing until the frame, then only the latest paint of each target', () => {
    const clock = frames();
    const s = createPaintScheduler(clock.request);
    const a = {};
    const b = {};
    const painted: string[] = [];
    s.request(a, () => painted.push('a1'));
    s.request(a, () => painted.push('a2'));
    s.request(b, () => painted.push('b1'));
    s.request(a, () => painted.push('a3'));
    expect(painted).toEqual([]);
    expect(clock.asked()).toBe(1);
    clock.frame();
    expect(painted).toEqual(['a3', 'b1']);
    clock.frame();
    expect(painted).toEqual(['a3', 'b1']);
  });

  it('keeps a hidden target waiting with its latest paint, and paints it once visible again', () => {
    const clock = frames();
    const s = createPaintScheduler(clock.request);
    const a = {};
    const painted: string[] = [];
    s.setVisible(a, false);
    s.request(a, () => painted.push('a1'));
    s.request(a, () => painted.push('a2'));
    expect(clock.asked()).toBe(0);
    clock.frame();
    expect(painted).toEqual([]);
    s.setVisible(a, true);
    clock.frame();
    expect(painted).toEqual(['a2']);
    s.setVisible(a, true);
    clock.frame();
    expect(painted).toEqual(['a2']);
  });

  it('paints asked for during a frame wait for the next one; forgotten targets never paint', () => {
    const clock = frames();
    const s = createPaintScheduler(clock.request);
    const a = {};
    const b = {};
    const painted: string[] = [];
    s.request(a, () => {
      painted.push('a1');
      s.request(a, () => painted.push('a2'));
    });
    s.request(b, () => painted.push('b1'));
    s.forget(b);
    clock.frame();
    expect(painted).toEqual(['a1']);
    clock.frame();
    expect(painted).toEqual(['a1', 'a2']);
  });
});
