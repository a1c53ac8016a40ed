import { describe, expect, it } from 'vitest';
import { crispScale, fileName, gridLayout, slug } from './exportLayout';

describe('slug and fileName', () => {
  it('keeps letters and digits, joins the rest with single dashes', () => {
    expect(slug('  Filter 1: thresholded map (26 × 26) ')).toBe('filter-1-thresholded-map-26-26');
    expect(slug('conv2_relu')).toBe('conv2-relu');
    expect(slug('卷积')).toBe('');
  });
  it('names files after what they hold and drops empty parts', () => {
    expect(fileName(['conv1', 'channel 3'], 'png')).toBe('convlens-conv1-channel-3.png');
    expect(fileName(['Softmax', '', '卷积'], 'svg')).toBe('convlens-softmax.svg');
    expect(fileName([], 'png')).toBe('convlens.png');
  });
});

describe('crispScale', () => {
  it('is the largest integer factor that fits the target', () => {
    expect(crispScale(28, 28, 448)).toBe(16);
    expect(crispScale(26, 13, 448)).toBe(17);
    expect(crispScale(13, 13, 100)).toBe(7);
  });
  it('never shrinks a picture', () => {
    expect(crispScale(900, 100, 448)).toBe(1);
    expect(crispScale(0, 0, 10)).toBe(10);
  });
});

describe('gridLayout', () => {
  it('wraps tiles into rows within the width and leaves room for labels', () => {
    const tiles = Array.from({ length: 5 }, () => ({ width: 100, height: 50 }));
    const g = gridLayout(tiles, 330, 10, 14);
    expect(g.columns).toBe(3);
    expect(g.boxes.map((b) => [b.x, b.y])).toEqual([
      [0, 0],
      [110, 0],
      [220, 0],
      [0, 74],
      [110, 74],
    ]);
    expect(g.width).toBe(320);
    expect(g.height).toBe(74 + 50 + 14);
  });
  it('gives an over-wide tile a row of its own and is empty for no tiles', () => {
    const g = gridLayout(
      [
        { width: 500, height: 20 },
        { width: 10, height: 10 },
      ],
      100,
      4,
      0,
    );
    expect(g.boxes[1]).toEqual({ x: 0, y: 24, width: 10, height: 10 });
    expect(gridLayout([], 100, 4, 0)).toEqual({ columns: 0, width: 0, height: 0, boxes: [] });
  });
});
