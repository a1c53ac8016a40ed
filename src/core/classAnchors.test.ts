import { describe, expect, it } from 'vitest';
import { classAnchors } from './classAnchors';

describe('a label place per class on a scatter plot', () => {
  it('picks the point of each class nearest its per-axis median, not the mean pulled by an outlier', () => {
    // Class 0: a cluster around (1, 1) and one outlier at (100, 100) that would drag a mean
    // to about (21, 21), where (2, 2) is nearest; the medians are (1.2, 1), nearest (1.2, 0.9).
    // Class 1: three points on a line; the middle one is the median.
    const points = [0, 0, 1, 1, 2, 2, 1.2, 0.9, 100, 100, 10, 0, 12, 0, 11, 0];
    const labels = [0, 0, 0, 0, 0, 1, 1, 1];
    expect(Array.from(classAnchors(points, labels, 3))).toEqual([3, 7, -1]);
  });

  it('keeps the label on the bigger cluster of a class split in two', () => {
    // Class 0: four points near (0, 0) and two near (50, 50): the medians lie in the big cluster.
    const points = [0, 0, 1, 0, 0, 1, 1, 1, 50, 50, 51, 50];
    const labels = [0, 0, 0, 0, 0, 0];
    const [anchor] = classAnchors(points, labels, 1);
    expect(anchor).toBeLessThan(4);
  });

  it('refuses coordinates that do not match the labels, and a class out of range', () => {
    expect(() => classAnchors([0, 0, 1], [0, 0], 1)).toThrow(RangeError);
    expect(() => classAnchors([0, 0], [3], 2)).toThrow(RangeError);
  });
});
