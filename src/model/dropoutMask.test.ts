import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawDropoutMask } from './dropoutMask';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('drawDropoutMask', () => {
  it('drops about rate x units per step, scales kept units by 1/(1-rate), and leaks nothing', () => {
    const units = 128;
    const before = tf.memory().numTensors;
    for (const rate of [0.2, 0.5]) {
      let dropped = 0;
      const draws = 200;
      for (let d = 0; d < draws; d++) {
        const mask = drawDropoutMask(units, rate);
        expect(mask).toHaveLength(units);
        for (const v of mask) {
          if (v === 0) dropped++;
          else expect(v).toBeCloseTo(1 / (1 - rate), 5);
        }
      }
      // 25,600 units drawn: the dropped fraction's standard deviation is at most 0.0032,
      // so a 0.015 margin is nearly five of them.
      expect(dropped / draws / units).toBeGreaterThan(rate - 0.015);
      expect(dropped / draws / units).toBeLessThan(rate + 0.015);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('draws a different mask every step', () => {
    const a = Array.from(drawDropoutMask(128, 0.5)).join();
    const b = Array.from(drawDropoutMask(128, 0.5)).join();
    expect(a).not.toBe(b);
  });

  it('drops nothing at rate 0 and refuses impossible settings', () => {
    expect(Array.from(drawDropoutMask(10, 0))).toEqual(new Array(10).fill(1));
    expect(() => drawDropoutMask(0, 0.5)).toThrow(RangeError);
    expect(() => drawDropoutMask(10, 1)).toThrow(RangeError);
  });
});
