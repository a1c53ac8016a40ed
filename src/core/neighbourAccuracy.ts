/**
 * How well labelled points in a plane separate by class: the leave-one-out accuracy of a
 * k-nearest-neighbour vote. A point counts as right when most of its k nearest other points
 * (Euclidean distance) share its label. Pure arithmetic on typed arrays, used to compare the
 * 2-D maps of the same digits made from different layers of a network.
 */

/**
 * The label the `k` nearest other points of point `i` vote for. `xy` holds the points
 * interleaved, x0, y0, x1, y1, ...; `labels` one whole number (0..classes - 1) a point.
 * A tie between labels goes to the label whose nearest voter is closest; points at equal
 * distance are taken in index order. Returns -1 when there is no other point.
 */
export function neighbourVote(xy: ArrayLike<number>, labels: ArrayLike<number>, i: number, k: number): number {
  const n = labels.length;
  const count = Math.min(k, n - 1);
  if (count <= 0) return -1;
  // The `count` nearest so far, sorted by distance: a small insertion list (k is small).
  const nearDist = new Float64Array(count).fill(Infinity);
  const nearIndex = new Int32Array(count).fill(-1);
  const xi = xy[2 * i];
  const yi = xy[2 * i + 1];
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const dx = xy[2 * j] - xi;
    const dy = xy[2 * j + 1] - yi;
    const d = dx * dx + dy * dy;
    if (d >= nearDist[count - 1]) continue;
    let at = count - 1;
    while (at > 0 && nearDist[at - 1] > d) {
      nearDist[at] = nearDist[at - 1];
      nearIndex[at] = nearIndex[at - 1];
      at--;
    }
    nearDist[at] = d;
    nearIndex[at] = j;
  }
  const votes = new Map<number, number>();
  let best = -1;
  let bestVotes = 0;
  for (let r = 0; r < count; r++) votes.set(labels[nearIndex[r]], (votes.get(labels[nearIndex[r]]) ?? 0) + 1);
  // Walking from the nearest voter, the first label to reach the top count wins ties.
  const top = Math.max(...votes.values());
  for (let r = 0; r < count && best < 0; r++) {
    const label = labels[nearIndex[r]];
    if (votes.get(label) === top) {
      best = label;
      bestVotes = top;
    }
  }
  return bestVotes > 0 ? best : -1;
}

/**
 * Leave-one-out k-nearest-neighbour accuracy of labelled 2-D points, in [0, 1]: the fraction
 * of points whose {@link neighbourVote} is their own label. `xy` is interleaved (length
 * 2 × labels.length). O(n² k): about 10 ms for 1,000 points and k = 5.
 * @throws RangeError when the lengths disagree or k is not a positive whole number
 */
export function neighbourAccuracy(xy: ArrayLike<number>, labels: ArrayLike<number>, k = 5): number {
  if (xy.length !== 2 * labels.length) throw new RangeError(`Expected ${2 * labels.length} coordinates for ${labels.length} points, got ${xy.length}.`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive whole number, got ${k}.`);
  if (labels.length === 0) return 0;
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (neighbourVote(xy, labels, i, k) === labels[i]) right++;
  return right / labels.length;
}
