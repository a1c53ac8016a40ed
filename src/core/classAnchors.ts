/**
 * Where to write each class's name on a scatter plot: for every class, the one point of that
 * class nearest the median of its points (the median taken on each axis), so the label sits
 * on the class's main cluster and always on a point of its own, even when the class is split
 * in two clusters or has an outlier far away.
 */

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/**
 * `points` holds x, y of point i at 2i, 2i + 1; `labels[i]` is its class in 0 .. classes - 1.
 * Returns, for each class, the index of its anchor point, or -1 for a class with no point.
 */
export function classAnchors(points: ArrayLike<number>, labels: ArrayLike<number>, classes: number): Int32Array {
  if (points.length !== 2 * labels.length) throw new RangeError(`${points.length} coordinates for ${labels.length} points`);
  const members: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!(c >= 0 && c < classes && Number.isInteger(c))) throw new RangeError(`point ${i} has class ${c}, outside 0..${classes - 1}`);
    members[c].push(i);
  }
  return Int32Array.from(members, (list) => {
    if (list.length === 0) return -1;
    const mx = median(list.map((i) => points[2 * i]));
    const my = median(list.map((i) => points[2 * i + 1]));
    let best = list[0];
    let bestDistance = Infinity;
    for (const i of list) {
      const d = (points[2 * i] - mx) ** 2 + (points[2 * i + 1] - my) ** 2;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    }
    return best;
  });
}
