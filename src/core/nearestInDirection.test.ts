import { describe, expect, it } from 'vitest';
import { nearestInDirection } from './nearestInDirection';

// A plus shape around point 0 at (10, 10), plus a far point down-right.
const XY = Float64Array.from([10, 10, 20, 10, 0, 10, 10, 0, 10, 30, 40, 40]);

describe('nearestInDirection', () => {
  it('moves to the nearest point along the key, with y growing downwards', () => {
    expect(nearestInDirection(XY, 0, 'right')).toBe(1);
    expect(nearestInDirection(XY, 0, 'left')).toBe(2);
    expect(nearestInDirection(XY, 0, 'up')).toBe(3);
    expect(nearestInDirection(XY, 0, 'down')).toBe(4);
  });

  it('prefers a point in the 45° cone over a nearer point off to the side', () => {
    // From (0, 0): (3, 2.5) is in the cone to the right; (1, 3) is nearer but mostly below.
    const xy = Float64Array.from([0, 0, 1, 3, 3, 2.5]);
    expect(nearestInDirection(xy, 0, 'right')).toBe(2);
  });

  it('falls back to any point ahead, and stays put when none is', () => {
    // From point 5 (40, 40) nothing lies to the right or below.
    expect(nearestInDirection(XY, 5, 'right')).toBe(5);
    expect(nearestInDirection(XY, 5, 'down')).toBe(5);
    // From point 4 (10, 30), the only point to the right is (40, 40), in the cone.
    expect(nearestInDirection(XY, 4, 'right')).toBe(5);
    // From (0, 0) to the right, the only point ahead is far off the line: still reached.
    expect(nearestInDirection(Float64Array.from([0, 0, 1, 50]), 0, 'right')).toBe(1);
  });
});
