/** Arrow-key moves between the points of a scatter plot. */

export type Direction = 'left' | 'right' | 'up' | 'down';

const UNIT: Record<Direction, readonly [number, number]> = {
  left: [-1, 0],
  right: [1, 0],
  // Screen coordinates: y grows downwards.
  up: [0, -1],
  down: [0, 1],
};

/**
 * The point to move to from point `from` when an arrow key is pressed: the nearest point that
 * lies ahead in `direction` within 45° of it (further than it is to the side), or, when no
 * point lies in that cone, the nearest point ahead at all; `from` itself when none lies ahead.
 * `xy` holds the points interleaved x0, y0, x1, y1, ... in screen coordinates (y down).
 * Nearness weighs sideways distance double so the move follows the key's line.
 */
export function nearestInDirection(xy: ArrayLike<number>, from: number, direction: Direction): number {
  const [ux, uy] = UNIT[direction];
  const x0 = xy[2 * from];
  const y0 = xy[2 * from + 1];
  let inCone = -1;
  let inConeCost = Infinity;
  let ahead = -1;
  let aheadCost = Infinity;
  for (let j = 0; j < xy.length / 2; j++) {
    if (j === from) continue;
    const dx = xy[2 * j] - x0;
    const dy = xy[2 * j + 1] - y0;
    const along = dx * ux + dy * uy;
    if (along <= 0) continue;
    const side = Math.abs(dx * uy - dy * ux);
    const cost = along + 2 * side;
    if (side <= along && cost < inConeCost) {
      inCone = j;
      inConeCost = cost;
    }
    if (cost < aheadCost) {
      ahead = j;
      aheadCost = cost;
    }
  }
  return inCone >= 0 ? inCone : ahead >= 0 ? ahead : from;
}
