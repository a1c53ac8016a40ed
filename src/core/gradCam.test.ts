import { describe, expect, it } from 'vitest';
import { gridToRows } from './grid';
import { gradCamMap } from './gradCam';

describe('gradCamMap', () => {
  it('weights each channel by its mean gradient, sums and clips at 0, worked by hand', () => {
    // Channel 0 = [[1, 0], [2, 1]], channel 1 = [[0, 3], [1, 1]] (NHWC: cell by cell).
    const maps = { data: Float32Array.from([1, 0, 0, 3, 2, 1, 1, 1]), height: 2, width: 2, channels: 2 };
    // Gradients: channel 0 all 1 (mean 1), channel 1 = [[-2, 0], [0, -2]] (mean -1).
    const gradients = { data: Float32Array.from([1, -2, 1, 0, 1, 0, 1, -2]), height: 2, width: 2, channels: 2 };
    const { channelWeights, map } = gradCamMap(maps, gradients);
    expect(Array.from(channelWeights)).toEqual([1, -1]);
    // 1 x channel 0 - 1 x channel 1 = [[1, -3], [1, 0]], then ReLU.
    expect(gridToRows(map)).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it('gives an all-zero map when every channel counts against the class', () => {
    const maps = { data: Float32Array.from([1, 2, 3]), height: 1, width: 3, channels: 1 };
    const gradients = { data: Float32Array.from([-1, -1, 0.5]), height: 1, width: 3, channels: 1 };
    const { channelWeights, map } = gradCamMap(maps, gradients);
    expect(channelWeights[0]).toBeCloseTo(-0.5, 6);
    expect(Array.from(map.data)).toEqual([0, 0, 0]);
  });

  it('refuses gradients of another shape', () => {
    const maps = { data: new Float32Array(8), height: 2, width: 2, channels: 2 };
    expect(() => gradCamMap(maps, { data: new Float32Array(8), height: 2, width: 4, channels: 1 })).toThrow(RangeError);
  });

  it('refuses maps or gradients whose data is not height x width x channels long', () => {
    const shape = { height: 2, width: 2, channels: 2 };
    const right = { ...shape, data: new Float32Array(8).fill(1) };
    // Too short: the missing cells would read as undefined and make the map NaN; too long:
    // the extra values would be silently left out of the channel means.
    for (const length of [7, 9]) {
      const wrong = { ...shape, data: new Float32Array(length).fill(1) };
      expect(() => gradCamMap(wrong, right), `maps of ${length}`).toThrow(/maps hold/);
      expect(() => gradCamMap(right, wrong), `gradients of ${length}`).toThrow(/gradients hold/);
      expect(() => gradCamMap(right, wrong)).toThrow(RangeError);
    }
    expect(() => gradCamMap(right, right)).not.toThrow();
  });
});
