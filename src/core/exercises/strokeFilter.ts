import { convolve2d } from '../convolve';
import { NOTEBOOK_RULE, type EdgeRule } from '../edgeRule';
import { MNIST_SIDE, createGrid, type Grid } from '../grid';
import { scaleInput } from '../inputScale';
import { thresholdGrid } from '../threshold';

/** Grey level from which a pixel counts as ink when strokes are traced. */
const INK = 0.5;
/** A stroke pixel's ink must run at least this far along the stroke... */
const LONG_RUN = 5;
/** ...and at most this far across it (MNIST strokes are 2-4 pixels thick). */
const THICK_RUN = 4;
/** Share of horizontal-stroke pixels the filter must mark (a fired cell within one pixel). */
export const MIN_HORIZONTAL_HIT = 0.8;
/** The response next to horizontal strokes must be at least this many times the one next to vertical strokes. */
export const MIN_RESPONSE_RATIO = 2;

/** Orientation of the stroke through each pixel: 1 horizontal, 2 vertical, 0 neither (or no ink). */
export type StrokeLabels = Uint8Array;

function runLength(ink: Uint8Array, h: number, w: number, r: number, c: number, dr: number, dc: number): number {
  let n = 1;
  for (let rr = r + dr, cc = c + dc; rr >= 0 && rr < h && cc >= 0 && cc < w && ink[rr * w + cc]; rr += dr, cc += dc) n++;
  for (let rr = r - dr, cc = c - dc; rr >= 0 && rr < h && cc >= 0 && cc < w && ink[rr * w + cc]; rr -= dr, cc -= dc) n++;
  return n;
}

/**
 * Labels each ink pixel (grey >= 0.5) by the stroke it lies on: horizontal when its ink runs
 * at least 5 pixels left-to-right but at most 4 top-to-bottom, vertical the other way round.
 *
 * @param image H x W grey levels in [0, 1]
 * @returns H*W labels, row-major (see {@link StrokeLabels})
 */
export function labelStrokes(image: Grid): StrokeLabels {
  const { height: h, width: w, data } = image;
  const ink = new Uint8Array(h * w);
  for (let i = 0; i < ink.length; i++) ink[i] = data[i] >= INK ? 1 : 0;
  const labels = new Uint8Array(h * w);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (!ink[r * w + c]) continue;
      const across = runLength(ink, h, w, r, c, 0, 1);
      const down = runLength(ink, h, w, r, c, 1, 0);
      if (across >= LONG_RUN && down <= THICK_RUN) labels[r * w + c] = 1;
      else if (down >= LONG_RUN && across <= THICK_RUN) labels[r * w + c] = 2;
    }
  }
  return labels;
}

/** A horizontal bar (3 rows thick, 16 long) in the middle of a 28x28 black image, with a soft edge. */
export function horizontalBar(): Grid {
  const out = createGrid(MNIST_SIDE, MNIST_SIDE);
  for (let c = 6; c < 22; c++) {
    out.data[12 * MNIST_SIDE + c] = 1;
    out.data[13 * MNIST_SIDE + c] = 1;
    out.data[14 * MNIST_SIDE + c] = 1;
    out.data[11 * MNIST_SIDE + c] = 0.3;
    out.data[15 * MNIST_SIDE + c] = 0.3;
  }
  return out;
}

/** The same grid turned a quarter (rows become columns). */
export function transpose(grid: Grid): Grid {
  const out = createGrid(grid.width, grid.height);
  for (let r = 0; r < grid.height; r++) for (let c = 0; c < grid.width; c++) out.data[c * grid.height + r] = grid.data[r * grid.width + c];
  return out;
}

/** How a kernel did on the test images. */
export interface StrokeScore {
  /** Horizontal-stroke pixels with a fired output cell centred within one pixel, out of all of them (0..1). */
  readonly horizontalHit: number;
  /** The same for vertical-stroke pixels (0..1). */
  readonly verticalHit: number;
  /** Fired output cells over all images. */
  readonly firedCells: number;
  /** Mean strongest positive response next to horizontal-stroke pixels (input scale of the rule). */
  readonly horizontalResponse: number;
  /** The same next to vertical-stroke pixels. */
  readonly verticalResponse: number;
}

/** Why a kernel fails, or 'pass'. */
export type StrokeVerdict = 'pass' | 'invalid' | 'neverFires' | 'missesHorizontal' | 'findsVertical' | 'alsoVertical';

export interface StrokeCheck {
  readonly verdict: StrokeVerdict;
  readonly score: StrokeScore | null;
}

/**
 * Scores a 3x3 kernel as a horizontal-stroke finder. Each image is scaled and thresholded by
 * `rule` (valid convolution, stride 1); output cell (i, j) is centred on input pixel
 * (i + 1, j + 1). A stroke pixel counts as marked when a fired cell is centred on it or on
 * one of its 8 neighbours.
 *
 * @param kernel a 3x3 Grid
 * @param images H x W grey-level images in [0, 1] (e.g. held-out MNIST digits)
 */
export function scoreStrokeFilter(kernel: Grid, images: readonly Grid[], rule: EdgeRule = NOTEBOOK_RULE): StrokeScore {
  let hHit = 0;
  let hAll = 0;
  let vHit = 0;
  let vAll = 0;
  let firedCells = 0;
  let hSum = 0;
  let vSum = 0;
  for (const image of images) {
    const raw = convolve2d(scaleInput(image, rule.input), kernel, { stride: 1, padding: 0 });
    const { grid: fired, onCount } = thresholdGrid(raw, rule.threshold, rule.comparator);
    firedCells += onCount;
    const labels = labelStrokes(image);
    const { height: h, width: w } = image;
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const label = labels[r * w + c];
        if (!label) continue;
        let marked = false;
        let best = 0;
        for (let dr = -1; dr <= 1; dr++) {
          for (let dc = -1; dc <= 1; dc++) {
            const i = r + dr - 1;
            const j = c + dc - 1;
            if (i >= 0 && i < raw.height && j >= 0 && j < raw.width) best = Math.max(best, raw.data[i * raw.width + j]);
          }
        }
        for (let dr = -1; dr <= 1 && !marked; dr++) {
          for (let dc = -1; dc <= 1 && !marked; dc++) {
            const i = r + dr - 1;
            const j = c + dc - 1;
            if (i >= 0 && i < fired.height && j >= 0 && j < fired.width && fired.data[i * fired.width + j]) marked = true;
          }
        }
        if (label === 1) {
          hAll++;
          hSum += best;
          if (marked) hHit++;
        } else {
          vAll++;
          vSum += best;
          if (marked) vHit++;
        }
      }
    }
  }
  return {
    horizontalHit: hAll ? hHit / hAll : 0,
    verticalHit: vAll ? vHit / vAll : 0,
    firedCells,
    horizontalResponse: hAll ? hSum / hAll : 0,
    verticalResponse: vAll ? vSum / vAll : 0,
  };
}

/**
 * Checks a student's horizontal-stroke filter. It passes when it fires next to at least 80 %
 * of the horizontal-stroke pixels, and its response there is on average at least twice its
 * response next to vertical-stroke pixels. Verdicts, in the order they are tried: 'neverFires'
 * (no cell fires anywhere), 'findsVertical' (the response is at least twice as large next to
 * vertical strokes), 'missesHorizontal' (fires next to fewer than 80 % of the horizontal-stroke
 * pixels), 'alsoVertical' (less than twice as large on horizontal as on vertical strokes).
 *
 * @param kernel a 3x3 Grid of finite weights (anything else: 'invalid')
 * @param images test images (e.g. held-out digits); a horizontal and a vertical bar are always added
 */
export function checkStrokeFilter(kernel: Grid, images: readonly Grid[], rule: EdgeRule = NOTEBOOK_RULE): StrokeCheck {
  if (kernel.height !== 3 || kernel.width !== 3 || !kernel.data.every(Number.isFinite)) return { verdict: 'invalid', score: null };
  const bar = horizontalBar();
  const score = scoreStrokeFilter(kernel, [bar, transpose(bar), ...images], rule);
  const { horizontalHit, horizontalResponse: h, verticalResponse: v } = score;
  let verdict: StrokeVerdict;
  if (score.firedCells === 0) verdict = 'neverFires';
  else if (v >= MIN_RESPONSE_RATIO * h) verdict = 'findsVertical';
  else if (horizontalHit < MIN_HORIZONTAL_HIT) verdict = 'missesHorizontal';
  else if (h < MIN_RESPONSE_RATIO * v) verdict = 'alsoVertical';
  else verdict = 'pass';
  return { verdict, score };
}
