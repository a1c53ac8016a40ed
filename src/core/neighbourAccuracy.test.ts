import { describe, expect, it } from 'vitest';
import { neighbourAccuracy, neighbourVote } from './neighbourAccuracy';

/** Points in two tight clusters far apart, `per` each: class 0 around (0, 0), class 1 around (100, 0). */
function twoClusters(per: number): { xy: Float64Array; labels: Int32Array } {
  const xy = new Float64Array(4 * per);
  const labels = new Int32Array(2 * per);
  for (let i = 0; i < 2 * per; i++) {
    const cls = i < per ? 0 : 1;
    labels[i] = cls;
    xy[2 * i] = cls * 100 + (i % per) * 0.1;
    xy[2 * i + 1] = (i % 3) * 0.1;
  }
  return { xy, labels };
}

describe('neighbourAccuracy', () => {
  it('is 1 for classes in separate clusters', () => {
    const { xy, labels } = twoClusters(10);
    expect(neighbourAccuracy(xy, labels, 5)).toBe(1);
  });

  it('counts a point wrong when its neighbours are of another class, leaving the point itself out', () => {
    const { xy, labels } = twoClusters(10);
    // Relabel one point of the first cluster: its 5 neighbours are all class 0, so it is wrong;
    // the others still have at least 4 of 5 class-0 neighbours.
    labels[3] = 1;
    expect(neighbourAccuracy(xy, labels, 5)).toBe(19 / 20);
    // With k = 1 a point is judged by its nearest other point only (never itself): on a line
    // at 0, 1, 2, 10 labelled 0, 0, 1, 1, the point at 2 is wrong (its nearest is the 0 at 1),
    // and the point at 1 is right (the 0 at 0 and the 1 at 2 are as near: index order).
    const line = Float64Array.from([0, 0, 1, 0, 2, 0, 10, 0]);
    expect(neighbourAccuracy(line, Int32Array.from([0, 0, 1, 1]), 1)).toBe(3 / 4);
  });

  it('breaks a tie between labels in favour of the label whose voter is nearest', () => {
    // Point 0 at the origin; neighbours: class 2 at distance 1 and 4, class 3 at 2 and 3.
    const xy = Float64Array.from([0, 0, 1, 0, 0, 2, -3, 0, 0, -4]);
    const labels = Int32Array.from([2, 2, 3, 3, 2]);
    expect(neighbourVote(xy, labels, 0, 4)).toBe(2);
    labels[1] = 3;
    labels[2] = 2;
    // Now class 3 has the nearest (1) and class 2 the next: 2 votes each; 3 wins.
    labels[3] = 2;
    labels[4] = 3;
    expect(neighbourVote(xy, labels, 0, 4)).toBe(3);
  });

  it('uses the majority of the k nearest, not the nearest alone', () => {
    // Nearest (distance 1) is class 1; the next four (distance 2..5) are class 0.
    const xy = Float64Array.from([0, 0, 1, 0, 2, 0, 0, 3, -4, 0, 0, -5]);
    const labels = Int32Array.from([0, 1, 0, 0, 0, 0]);
    expect(neighbourVote(xy, labels, 0, 5)).toBe(0);
    expect(neighbourVote(xy, labels, 0, 1)).toBe(1);
  });

  it('refuses mismatched lengths and bad k', () => {
    expect(() => neighbourAccuracy([0, 0, 1], [0, 1])).toThrow(RangeError);
    expect(() => neighbourAccuracy([0, 0], [0], 0)).toThrow(RangeError);
    expect(neighbourVote([0, 0], [4], 0, 5)).toBe(-1);
  });
});
