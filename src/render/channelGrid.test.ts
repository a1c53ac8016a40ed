import { describe, expect, it } from 'vitest';
import { channelCellAt, channelLayout, channelOrigin, fillChannels } from './channelGrid';
import { COLOUR_SCALES } from './palette';

describe('channel grid', () => {
  it('lays channels out row by row with gaps, and refuses impossible shapes', () => {
    const l = channelLayout(5, 2, 3, 2, 1, 4);
    expect(l).toMatchObject({ columns: 2, rows: 3, width: 2 * 3 + 1, height: 3 * 2 + 2 * 4 });
    expect(channelOrigin(l, 0)).toEqual({ x: 0, y: 0 });
    expect(channelOrigin(l, 3)).toEqual({ x: 4, y: 6 });
    expect(channelLayout(3, 4, 4, 8, 1, 1).columns).toBe(3);
    expect(() => channelLayout(0, 2, 2, 1, 1, 1)).toThrow(/channels/);
    expect(() => channelLayout(2, 2, 2, 1, 0.5, 1)).toThrow(/gaps/);
  });

  it('maps a canvas position to (channel, row, col), and gaps or the empty end to nothing', () => {
    const l = channelLayout(5, 2, 3, 2, 1, 4);
    expect(channelCellAt(l, 0.5, 0.5)).toEqual({ channel: 0, row: 0, col: 0 });
    expect(channelCellAt(l, 6.9, 7.2)).toEqual({ channel: 3, row: 1, col: 2 });
    expect(channelCellAt(l, 3.5, 0)).toBeNull(); // the gap across
    expect(channelCellAt(l, 0, 3)).toBeNull(); // the gap down
    expect(channelCellAt(l, 5, 13)).toBeNull(); // no sixth channel
    expect(channelCellAt(l, -1, 0)).toBeNull();
    expect(channelCellAt(l, 7, 0)).toBeNull();
  });

  it('writes each HWC channel at its place, leaving gaps and NaN transparent', () => {
    // 2 x 2 maps, 3 channels: channel c holds c at every cell, except a NaN in channel 2.
    const data = new Float32Array(2 * 2 * 3);
    for (let i = 0; i < 4; i++) for (let c = 0; c < 3; c++) data[i * 3 + c] = c;
    data[3 * 3 + 2] = NaN;
    const l = channelLayout(3, 2, 2, 2, 1, 1);
    const out = new Uint8ClampedArray(l.width * l.height * 4);
    const scale = COLOUR_SCALES.grey;
    fillChannels(out, data, l, scale, [0, 2]);
    const px = (x: number, y: number) => [...out.slice((y * l.width + x) * 4, (y * l.width + x) * 4 + 4)];
    const lutAt = (t: number) => [...scale.lut.slice(t * 4, t * 4 + 4)];
    expect(px(0, 0)).toEqual(lutAt(0));
    expect(px(4, 1)).toEqual(lutAt(128)); // channel 1, bottom right
    expect(px(2, 0)).toEqual([0, 0, 0, 0]); // the gap
    expect(px(0, 3)).toEqual(lutAt(255)); // channel 2, top left
    expect(px(1, 4)).toEqual([0, 0, 0, 0]); // its NaN
    expect(px(4, 3)).toEqual([0, 0, 0, 0]); // no fourth channel
    expect(() => fillChannels(out, data.subarray(1), l, scale, [0, 2])).toThrow(/Expected 2x2x3/);
  });
});
